package fr.vigie.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.net.InetAddresses;
import fr.vigie.InvalidDataFileException;
import java.net.InetAddress;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses and validates Vigie's data files from text handed in (the application reads them from disk or the class
 * path). Every problem is an {@link InvalidDataFileException} naming the file and the entry, so whoever edits a
 * list learns exactly what to fix.
 */
public final class DataFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LIST_FIELDS =
            Set.of("name", "description", "version", "type", "source", "checked", "entries");
    private static final Set<String> LIST_TYPES = Set.of("hostname", "string", "substring", "regex", "cidr");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private DataFiles() {}

    /** Parses a warning list; {@code file} is only used to name the file in errors. */
    public static WarningList parseList(String file, String json) {
        JsonNode root = parseObject(file, json);
        refuseUnknownFields(file, root, LIST_FIELDS);
        String name = requiredText(file, root, "name");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidDataFileException(file, "name '" + name + "' must be lower-case words joined by '-'");
        }
        String type = requiredText(file, root, "type");
        if (!LIST_TYPES.contains(type)) {
            throw new InvalidDataFileException(file, "type '" + type + "' is not one of " + LIST_TYPES);
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToLong() || version.asLong() < 20000101) {
            throw new InvalidDataFileException(file, "version must be an integer date such as 20261128");
        }
        String checked = requiredText(file, root, "checked");
        try {
            LocalDate.parse(checked);
        } catch (DateTimeParseException e) {
            throw new InvalidDataFileException(file, "checked '" + checked + "' is not an ISO date (YYYY-MM-DD)");
        }
        List<String> entries = entries(file, root, type);
        return new WarningList(
                name,
                requiredText(file, root, "description"),
                version.asLong(),
                type,
                requiredText(file, root, "source"),
                checked,
                entries);
    }

    private static List<String> entries(String file, JsonNode root, String type) {
        JsonNode node = root.get("entries");
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidDataFileException(file, "entries must be a non-empty array");
        }
        List<String> entries = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            if (!entry.isTextual() || entry.asText().isBlank()) {
                throw new InvalidDataFileException(file, "entries[" + i + "] must be a non-blank string");
            }
            String value = entry.asText();
            if (previous != null && previous.compareTo(value) >= 0) {
                throw new InvalidDataFileException(
                        file,
                        "entries[" + i + "] '" + value + "' is out of order or repeated (keep them sorted and unique)");
            }
            if (type.equals("regex")) {
                try {
                    Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    throw new InvalidDataFileException(
                            file, "entries[" + i + "] is not a valid regex: " + e.getDescription());
                }
            }
            if (type.equals("cidr") && !isCidr(value)) {
                throw new InvalidDataFileException(
                        file,
                        "entries[" + i + "] '" + value + "' is not an address block in canonical form (1.1.1.1/32)");
            }
            if (type.equals("hostname") && !value.equals(value.toLowerCase(java.util.Locale.ROOT))) {
                throw new InvalidDataFileException(file, "entries[" + i + "] '" + value + "' must be lower-case");
            }
            entries.add(value);
            previous = value;
        }
        return entries;
    }

    /**
     * {@code address/length}, the address in canonical text (IPv6 per RFC 5952) so that an entry reads as the
     * {@code Ip} it matches, the length within the address's bits.
     */
    static boolean isCidr(String value) {
        int slash = value.indexOf('/');
        if (slash < 0 || !InetAddresses.isInetAddress(value.substring(0, slash))) {
            return false;
        }
        InetAddress address = InetAddresses.forString(value.substring(0, slash));
        String length = value.substring(slash + 1);
        if (!length.matches("[0-9]{1,3}")
                || !InetAddresses.toAddrString(address).equals(value.substring(0, slash))) {
            return false;
        }
        return Integer.parseInt(length) <= address.getAddress().length * 8;
    }

    static JsonNode parseObject(String file, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new InvalidDataFileException(file, "must hold one JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidDataFileException(
                    file, "is not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        }
    }

    static void refuseUnknownFields(String file, JsonNode node, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new InvalidDataFileException(file, "unknown field '" + field + "' (known: " + known + ")");
            }
        }
    }

    static String requiredText(String file, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidDataFileException(file, "field '" + field + "' is required and must be non-blank text");
        }
        return value.asText();
    }
}
