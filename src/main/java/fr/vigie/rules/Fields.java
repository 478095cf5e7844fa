package fr.vigie.rules;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.InvalidDataFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Typed reads of JSON fields, each failing with an {@link InvalidDataFileException} that names file and entry. */
final class Fields {
    static final Set<String> LANGUAGES = Set.of("fr", "en");

    /**
     * Languages a rule's phrases may be written in: French and English are required (the explanations are in those),
     * the others optional, because lures reach people in France in the languages of the brands they imitate.
     */
    static final List<String> PHRASE_LANGUAGES = List.of("en", "fr", "de", "es", "it", "nl", "pt");

    private Fields() {}

    /** The entries of an array, which must be objects sorted by their unique {@code id}. */
    static List<JsonNode> sortedEntries(String file, JsonNode root, String field) {
        JsonNode array = root.get(field);
        if (array == null || !array.isArray()) {
            throw new InvalidDataFileException(file, "'" + field + "' must be an array");
        }
        List<JsonNode> entries = new ArrayList<>();
        String previous = null;
        for (JsonNode node : array) {
            if (!node.isObject() || !node.path("id").isTextual()) {
                throw new InvalidDataFileException(
                        file, field + "[" + entries.size() + "] must be an object with an id");
            }
            String id = node.get("id").asText();
            if (previous != null && previous.compareTo(id) >= 0) {
                throw new InvalidDataFileException(
                        file, id + " is out of order or repeated (keep entries sorted by id; canonical form)");
            }
            previous = id;
            entries.add(node);
        }
        return entries;
    }

    static double number(String file, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new InvalidDataFileException(file, where + field + " must be a finite number");
        }
        return value.asDouble();
    }

    static String text(String file, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidDataFileException(file, where + field + " is required and must be non-blank text");
        }
        return value.asText();
    }

    static Bilingual bilingual(String file, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new InvalidDataFileException(file, where + field + " must be an object with 'fr' and 'en'");
        }
        refuse(file, where + field + ": ", value, LANGUAGES);
        return new Bilingual(
                text(file, where + field + ".", value, "fr"), text(file, where + field + ".", value, "en"));
    }

    static List<String> strings(String file, String where, JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidDataFileException(file, where + " must be a non-empty array of text");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new InvalidDataFileException(file, where + " must hold only non-blank text");
            }
            values.add(value.asText());
        }
        return values;
    }

    static void refuse(String file, String where, JsonNode node, Set<String> known) {
        if (!node.isObject()) {
            throw new InvalidDataFileException(file, where + "must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new InvalidDataFileException(
                        file, where + "unknown field '" + field + "' (known: " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }
}
