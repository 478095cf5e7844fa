package fr.vigie.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.InvalidDataFileException;
import fr.vigie.rules.Schemes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The advice texts ({@code advice/advice.json}): universal steps for every scam, steps for a minor, steps when a
 * message is only suspicious, and steps per scheme. Parsed from text handed in and validated: every entry has a
 * stable id and both languages; schemes are taxonomy ids. Immutable.
 */
public final class AdviceBook {
    static final Set<String> SCHEMES = Set.copyOf(Schemes.SCAMS);
    private static final Set<String> FIELDS =
            Set.of("version", "source", "checked", "universal", "minor", "suspicious", "schemes");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private final List<Advice> universal;
    private final List<Advice> minor;
    private final List<Advice> suspicious;
    private final Map<String, List<Advice>> schemes;

    private AdviceBook(
            List<Advice> universal, List<Advice> minor, List<Advice> suspicious, Map<String, List<Advice>> schemes) {
        this.universal = universal;
        this.minor = minor;
        this.suspicious = suspicious;
        this.schemes = schemes;
    }

    public static AdviceBook parse(String file, String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDataFileException(
                    file, "is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDataFileException(file, "must hold one JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new InvalidDataFileException(file, "unknown field '" + field + "'");
            }
        }
        for (String required : List.of("version", "source", "checked")) {
            if (!root.hasNonNull(required)) {
                throw new InvalidDataFileException(file, "field '" + required + "' is required");
            }
        }
        List<Advice> universal = entries(file, "universal", root.get("universal"));
        List<Advice> minor = entries(file, "minor", root.get("minor"));
        List<Advice> suspicious = entries(file, "suspicious", root.get("suspicious"));
        Map<String, List<Advice>> bySchemes = new LinkedHashMap<>();
        JsonNode schemesNode = root.path("schemes");
        for (Iterator<String> it = schemesNode.fieldNames(); it.hasNext(); ) {
            String scheme = it.next();
            if (!SCHEMES.contains(scheme)) {
                throw new InvalidDataFileException(
                        file, "scheme '" + scheme + "' is not a scam scheme of the taxonomy");
            }
            bySchemes.put(scheme, entries(file, "schemes." + scheme, schemesNode.get(scheme)));
        }
        for (String scheme : SCHEMES) {
            if (!bySchemes.containsKey(scheme)) {
                throw new InvalidDataFileException(file, "no advice for scheme '" + scheme + "'");
            }
        }
        return new AdviceBook(universal, minor, suspicious, Map.copyOf(bySchemes));
    }

    private static List<Advice> entries(String file, String where, JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidDataFileException(file, where + " must be a non-empty array");
        }
        List<Advice> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String at = where + "[" + i + "]";
            for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!Set.of("id", "fr", "en", "countries").contains(field)) {
                    throw new InvalidDataFileException(file, at + ": unknown field '" + field + "'");
                }
            }
            String id = text(file, at, entry, "id");
            if (!ID.matcher(id).matches()) {
                throw new InvalidDataFileException(file, at + ": id '" + id + "' must be UPPER_SNAKE");
            }
            list.add(new Advice(
                    id,
                    text(file, at + " " + id, entry, "fr"),
                    text(file, at + " " + id, entry, "en"),
                    countries(file, at + " " + id, entry.get("countries"))));
        }
        return List.copyOf(list);
    }

    private static Set<String> countries(String file, String at, JsonNode node) {
        if (node == null) {
            return Set.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidDataFileException(file, at + ": 'countries' must be a non-empty array of country codes");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode code : node) {
            if (!code.isTextual() || !COUNTRY.matcher(code.asText()).matches()) {
                throw new InvalidDataFileException(
                        file, at + ": country '" + code.asText() + "' is not an ISO 3166 alpha-2 code such as FR");
            }
            codes.add(code.asText());
        }
        return codes;
    }

    private static String text(String file, String at, JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidDataFileException(file, at + ": '" + field + "' is required and must be non-blank");
        }
        return value.asText();
    }

    /**
     * What to do now, in order: for a minor the child-protection steps first; then the steps of each scheme (most
     * likely first); then the universal steps. A message that is only suspicious gets the check-independently step
     * and the universal ones; a message with no red flag gets nothing. Repeated ids are given once. A step that
     * names a national service is given only to the people of its countries ({@code country} is an ISO code, or
     * null when unknown: then no national step, the orientation says where to turn).
     */
    public List<Advice> adviceFor(Verdict verdict, List<String> schemesRanked, boolean minor, String country) {
        if (verdict == Verdict.NO_RED_FLAGS) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Advice> out = new ArrayList<>();
        if (minor) {
            addAll(this.minor, country, seen, out);
        }
        if (verdict == Verdict.SUSPICIOUS) {
            addAll(suspicious, country, seen, out);
        }
        for (String scheme : schemesRanked) {
            addAll(schemes.getOrDefault(scheme, List.of()), country, seen, out);
        }
        addAll(universal, country, seen, out);
        return List.copyOf(out);
    }

    private static void addAll(List<Advice> from, String country, Set<String> seen, List<Advice> out) {
        for (Advice advice : from) {
            if (advice.holdsIn(country) && seen.add(advice.id())) {
                out.add(advice);
            }
        }
    }
}
