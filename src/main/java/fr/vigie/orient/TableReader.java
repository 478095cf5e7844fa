package fr.vigie.orient;

import static fr.vigie.orient.RoutingTables.GENERAL;
import static fr.vigie.orient.RoutingTables.UNIVERSAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.InvalidDataFileException;
import fr.vigie.report.Channel;
import fr.vigie.report.PaymentMethod;
import fr.vigie.rules.Bilingual;
import fr.vigie.rules.Schemes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one routing table from its text and checks every field, naming the file, the entry and the field in each
 * {@link InvalidDataFileException}. {@link RoutingTables} checks the set.
 */
final class TableReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TABLE_FIELDS =
            Set.of("jurisdiction", "name", "countries", "version", "note", "entries");
    private static final Set<String> ENTRY_FIELDS =
            Set.of("id", "service", "handles", "contact", "when", "urgency", "title", "reason", "source", "checked");
    private static final Set<String> CONTACT_FIELDS = Set.of("site", "phone", "address");
    private static final Set<String> WHEN_FIELDS =
            Set.of("schemes", "minor", "loss", "payments", "channels", "countries");
    private static final Set<String> LANGUAGES = Set.of("fr", "en");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
    private static final Pattern URL = Pattern.compile("https?://[^\\s/]+\\.[^\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .-]*[0-9]");

    private TableReader() {}

    static RoutingTable read(String file, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDataFileException(
                    file, "is not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDataFileException(file, "must hold one JSON object");
        }
        refuseUnknown(file, "", root, TABLE_FIELDS);
        String jurisdiction = text(file, "", root, "jurisdiction");
        boolean shared = jurisdiction.equals(UNIVERSAL) || jurisdiction.equals(GENERAL);
        if (!shared && !ISO_COUNTRIES.contains(jurisdiction)) {
            throw new InvalidDataFileException(
                    file,
                    "jurisdiction '" + jurisdiction + "' is neither an ISO 3166 code (upper case) nor '" + UNIVERSAL
                            + "' or '" + GENERAL + "'");
        }
        String baseName = file.substring(file.lastIndexOf('/') + 1);
        if (!baseName.equals(jurisdiction.toLowerCase(Locale.ROOT) + ".json")) {
            throw new InvalidDataFileException(
                    file, "jurisdiction '" + jurisdiction + "' must match the file name (" + baseName + ")");
        }
        List<String> countries = List.of();
        if (shared) {
            if (root.has("countries")) {
                throw new InvalidDataFileException(
                        file,
                        "the " + jurisdiction + " table serves no country of its own: " + "'countries' must be absent");
            }
        } else {
            countries = List.copyOf(new TreeSet<>(countries(file, "", root.get("countries"), "countries")));
            if (countries.isEmpty() || !countries.contains(jurisdiction)) {
                throw new InvalidDataFileException(file, "countries must list at least " + jurisdiction);
            }
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToLong() || version.asLong() < 20000101) {
            throw new InvalidDataFileException(file, "version must be an integer date such as 20261129");
        }
        Bilingual name = bilingual(file, "", root, "name");
        String note = text(file, "", root, "note");
        JsonNode entries = root.get("entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new InvalidDataFileException(file, "entries must be a non-empty array");
        }
        List<Entry> list = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entry(file, i, entries.get(i));
            if (!ids.add(entry.id())) {
                throw new InvalidDataFileException(file, "entry " + entry.id() + ": id is repeated");
            }
            list.add(entry);
        }
        return new RoutingTable(file, jurisdiction, name, countries, version.asLong(), note, list);
    }

    private static Entry entry(String file, int index, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidDataFileException(file, "entries[" + index + "] must be an object");
        }
        String where = "entries[" + index + "]: ";
        String id = text(file, where, node, "id");
        if (!ID.matcher(id).matches()) {
            throw new InvalidDataFileException(file, where + "id '" + id + "' must be UPPER_SNAKE");
        }
        where = "entry " + id + ": ";
        refuseUnknown(file, where, node, ENTRY_FIELDS);
        String service = text(file, where, node, "service");
        if (!SERVICE.matcher(service).matches()) {
            throw new InvalidDataFileException(file, where + "field 'service': '" + service + "' must be lower_snake");
        }
        Step.Contact contact = contact(file, where, node.get("contact"));
        refuseInterpol(file, where, service, contact);
        String urgencyId = text(file, where, node, "urgency");
        Optional<Urgency> urgency = Urgency.fromId(urgencyId);
        if (urgency.isEmpty()) {
            throw new InvalidDataFileException(
                    file, where + "field 'urgency': '" + urgencyId + "' is not one of " + ids(Urgency.values()));
        }
        String source = text(file, where, node, "source");
        if (!URL.matcher(source).matches()) {
            throw new InvalidDataFileException(file, where + "field 'source': '" + source + "' is not a URL");
        }
        String checked = text(file, where, node, "checked");
        try {
            LocalDate.parse(checked);
        } catch (DateTimeParseException e) {
            throw new InvalidDataFileException(
                    file, where + "field 'checked': '" + checked + "' is not an ISO date (YYYY-MM-DD)");
        }
        return new Entry(
                id,
                service,
                bilingual(file, where, node, "handles"),
                contact,
                when(file, where, node.get("when")),
                urgency.get(),
                bilingual(file, where, node, "title"),
                bilingual(file, where, node, "reason"),
                source,
                checked);
    }

    private static Step.Contact contact(String file, String where, JsonNode node) {
        if (node == null) {
            return Step.Contact.NONE; // the person's own steps, and "your bank" whose number is on the card
        }
        refuseUnknown(file, where + "contact: ", node, CONTACT_FIELDS);
        Optional<String> site = optionalText(file, where + "contact.", node, "site");
        Optional<String> phone = optionalText(file, where + "contact.", node, "phone");
        Optional<String> address = optionalText(file, where + "contact.", node, "address");
        site.filter(s -> !URL.matcher(s).matches()).ifPresent(s -> {
            throw new InvalidDataFileException(file, where + "field 'contact.site': '" + s + "' is not a URL");
        });
        phone.filter(p -> !PHONE.matcher(p).matches()).ifPresent(p -> {
            throw new InvalidDataFileException(
                    file, where + "field 'contact.phone': '" + p + "' is not a phone number (digits, spaces, +, -, .)");
        });
        Step.Contact contact = new Step.Contact(site, phone, address);
        if (contact.isEmpty()) {
            throw new InvalidDataFileException(file, where + "field 'contact' needs a site, a phone or an address");
        }
        return contact;
    }

    /** INTERPOL never contacts victims and takes no report from them: a table naming it as a contact is wrong. */
    private static void refuseInterpol(String file, String where, String service, Step.Contact contact) {
        List<String> values = new ArrayList<>(List.of(service));
        contact.site().ifPresent(values::add);
        contact.address().ifPresent(values::add);
        for (String value : values) {
            if (value.toLowerCase(Locale.ROOT).contains("interpol")) {
                throw new InvalidDataFileException(
                        file,
                        where + "INTERPOL is never a contact for a victim ('" + value
                                + "'): a message that claims to come from INTERPOL is a scam");
            }
        }
    }

    private static Conditions when(String file, String where, JsonNode node) {
        if (node == null) {
            return Conditions.ALWAYS;
        }
        refuseUnknown(file, where + "when: ", node, WHEN_FIELDS);
        return new Conditions(
                whenValues(file, where, node, "schemes", s -> Optional.of(s).filter(Schemes::isKnown), Schemes.ALL),
                bool(file, where, node, "minor"),
                bool(file, where, node, "loss"),
                whenValues(file, where, node, "payments", PaymentMethod::fromId, ids(PaymentMethod.values())),
                whenValues(file, where, node, "channels", Channel::fromId, ids(Channel.values())),
                countries(file, where, node.get("countries"), "when.countries"));
    }

    private static List<String> ids(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static Set<String> countries(String file, String where, JsonNode node, String field) {
        return values(
                file,
                where,
                node,
                field,
                c -> Optional.of(c).filter(ISO_COUNTRIES::contains),
                List.of("ISO 3166 alpha-2 codes in upper case"));
    }

    private static <T> Set<T> whenValues(
            String file,
            String where,
            JsonNode when,
            String field,
            Function<String, Optional<T>> read,
            List<String> known) {
        return values(file, where, when.get(field), "when." + field, read, known);
    }

    /** A list of known values: each one read, none repeated; an absent list is empty (no condition). */
    private static <T> Set<T> values(
            String file,
            String where,
            JsonNode node,
            String field,
            Function<String, Optional<T>> read,
            List<String> known) {
        if (node == null) {
            return Set.of();
        }
        String at = where + "field '" + field + "': ";
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidDataFileException(file, at + "must be a non-empty array (or absent)");
        }
        Set<T> values = new LinkedHashSet<>();
        for (JsonNode value : node) {
            String text = value.isTextual() ? value.asText() : value.toString();
            T known1 = read.apply(text)
                    .orElseThrow(
                            () -> new InvalidDataFileException(file, at + "'" + text + "' is not one of " + known));
            if (!values.add(known1)) {
                throw new InvalidDataFileException(file, at + "'" + text + "' is repeated");
            }
        }
        return Set.copyOf(values);
    }

    private static Optional<Boolean> bool(String file, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new InvalidDataFileException(
                    file, where + "field 'when." + field + "': must be true or false, not " + value);
        }
        return Optional.of(value.asBoolean());
    }

    private static Bilingual bilingual(String file, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new InvalidDataFileException(
                    file, where + "field '" + field + "' is required: an object with 'fr' and 'en'");
        }
        refuseUnknown(file, where + field + ": ", value, LANGUAGES);
        for (String lang : List.of("fr", "en")) {
            JsonNode text = value.get(lang);
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                throw new InvalidDataFileException(
                        file,
                        where + "field '" + field + "." + lang + "': language '" + lang + "' is missing or blank");
            }
        }
        return new Bilingual(value.get("fr").asText(), value.get("en").asText());
    }

    private static String text(String file, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidDataFileException(
                    file, where + "field '" + field + "' is required and must be non-blank text");
        }
        return value.asText();
    }

    private static Optional<String> optionalText(String file, String where, JsonNode node, String field) {
        if (!node.has(field)) {
            return Optional.empty();
        }
        return Optional.of(text(file, where, node, field));
    }

    private static void refuseUnknown(String file, String where, JsonNode node, Set<String> known) {
        if (!node.isObject()) {
            throw new InvalidDataFileException(file, where + "must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new InvalidDataFileException(
                        file, where + "unknown field '" + field + "' (known: " + new TreeSet<>(known) + ")");
            }
        }
    }
}
