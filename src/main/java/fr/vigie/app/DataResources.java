package fr.vigie.app;

import fr.vigie.InvalidDataFileException;
import fr.vigie.rules.DataFiles;
import fr.vigie.rules.RuleFiles;
import fr.vigie.rules.RuleSet;
import fr.vigie.rules.WarningList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Vigie's bundled data files from the class path and hands their text to the core's parsers. */
final class DataResources {
    private static final String ROOT = "/fr/vigie/";

    private DataResources() {}

    static String text(String path) {
        try (InputStream in = DataResources.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new InvalidDataFileException(path, "is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidDataFileException(path, "cannot be read", e);
        }
    }

    static WarningList list(String name) {
        String path = "lists/" + name + "/list.json";
        WarningList list = DataFiles.parseList(path, text(path));
        if (!list.name().equals(name)) {
            throw new InvalidDataFileException(path, "name '" + list.name() + "' must match its folder '" + name + "'");
        }
        return list;
    }

    /** The bundled red-flag rules, validated as one set, with the warning lists their link rules read. */
    static RuleSet rules(List<String> ruleFiles, List<String> lists) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : ruleFiles) {
            texts.put("rules/" + file, text("rules/" + file));
        }
        Map<String, WarningList> byName = new LinkedHashMap<>();
        for (String name : lists) {
            byName.put(name, list(name));
        }
        return RuleFiles.parse(texts, byName);
    }
}
