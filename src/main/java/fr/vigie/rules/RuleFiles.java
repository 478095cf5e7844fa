package fr.vigie.rules;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.InvalidDataFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parses and validates the rule files as one set, from text handed in: one file per scheme (and the cross-scheme
 * files), each {@code {"rules": [...]}}, plus {@code groups.json} and {@code composites.json}. Every problem is an
 * {@link InvalidDataFileException} naming the file and the rule; nothing half-loads. docs/RULES.md lists the checks.
 */
public final class RuleFiles {
    public static final String GROUPS = "groups.json";
    public static final String COMPOSITES = "composites.json";

    private RuleFiles() {}

    /**
     * @param files file name (a path is fine; its last segment decides {@link #GROUPS} and {@link #COMPOSITES}) to
     *     JSON text
     * @param lists the warning lists link rules may name, by list name
     */
    public static RuleSet parse(Map<String, String> files, Map<String, WarningList> lists) {
        List<Rule> rules = new ArrayList<>();
        List<Group> groups = null;
        List<Composite> composites = null;
        String groupsFile = null;
        for (Map.Entry<String, String> entry : new TreeMap<>(files).entrySet()) {
            String file = entry.getKey();
            JsonNode root = DataFiles.parseObject(file, entry.getValue());
            switch (baseName(file)) {
                case GROUPS -> {
                    groups = RuleReader.groups(file, root);
                    groupsFile = file;
                }
                case COMPOSITES -> composites = RuleReader.composites(file, root);
                default -> rules.addAll(RuleReader.rules(file, root, lists));
            }
        }
        if (groups == null) {
            throw new InvalidDataFileException(GROUPS, "is missing: every rule names a group defined there");
        }
        if (composites == null) {
            composites = List.of();
        }
        crossCheck(rules, groups, composites, groupsFile);
        return new RuleSet(rules, groups, composites, lists);
    }

    private static void crossCheck(
            List<Rule> rules, List<Group> groups, List<Composite> composites, String groupsFile) {
        Map<String, String> fileOfId = new HashMap<>();
        Map<String, Rule> byId = new HashMap<>();
        for (Rule rule : rules) {
            claim(fileOfId, rule.id(), rule.file());
            byId.put(rule.id(), rule);
        }
        for (Composite composite : composites) {
            claim(fileOfId, composite.id(), composite.file());
        }
        Set<String> groupIds = new java.util.HashSet<>();
        groups.forEach(group -> groupIds.add(group.id()));
        for (Rule rule : rules) {
            if (!groupIds.contains(rule.group())) {
                throw new InvalidDataFileException(
                        rule.file(), "rule " + rule.id() + ": group '" + rule.group() + "' is not in " + groupsFile);
            }
        }
        for (Composite composite : composites) {
            String where = "composite " + composite.id() + ": ";
            if (!groupIds.contains(composite.group())) {
                throw new InvalidDataFileException(
                        composite.file(), where + "group '" + composite.group() + "' is not in " + groupsFile);
            }
            for (String id : composite.expression().ids()) {
                Rule rule = byId.get(id);
                if (rule == null) {
                    throw new InvalidDataFileException(composite.file(), where + "names '" + id + "', not a rule id");
                }
                if (rule.deprecated()) {
                    throw new InvalidDataFileException(composite.file(), where + "names deprecated rule " + id);
                }
            }
        }
    }

    private static void claim(Map<String, String> fileOfId, String id, String file) {
        String earlier = fileOfId.putIfAbsent(id, file);
        if (earlier != null) {
            throw new InvalidDataFileException(
                    file, "id " + id + " is already used in " + earlier + " (ids are unique and never reused)");
        }
    }

    private static String baseName(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
