package fr.vigie.rules;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.InvalidDataFileException;
import fr.vigie.identifier.Kind;
import fr.vigie.text.NormalisedText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads one rule file's entries into records, checking each as it goes. */
final class RuleReader {
    private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern GROUP_ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Set<String> RULE_FIELDS = Set.of(
            "id",
            "scheme",
            "group",
            "weight",
            "version",
            "deprecated",
            "note",
            "phrases",
            "regex",
            "identifier",
            "header",
            "link",
            "explanation",
            "examples");
    private static final Pattern BACK_REFERENCE = Pattern.compile("(?<!\\\\)\\\\(?:[1-9]|k<)");
    private static final Pattern STAR_INSIDE = Pattern.compile("\\*[\\p{L}\\p{N}]");
    private static final Set<String> MATCHERS = Set.of("phrases", "regex", "identifier", "header", "link");
    private static final Set<String> COMPOSITE_FIELDS =
            Set.of("id", "expression", "scheme", "group", "weight", "version", "note", "explanation");
    private static final Set<String> GROUP_FIELDS = Set.of("id", "max_score", "description");
    private static final Set<String> LANGUAGES = Set.of("fr", "en");
    private static final Set<String> AUTH_METHODS = Set.of("spf", "dkim", "dmarc", "arc");

    private RuleReader() {}

    static List<Rule> rules(String file, JsonNode root, Map<String, WarningList> lists) {
        DataFiles.refuseUnknownFields(file, root, Set.of("rules"));
        List<Rule> rules = new ArrayList<>();
        for (JsonNode node : sortedEntries(file, root, "rules")) {
            rules.add(rule(file, node, lists));
        }
        return rules;
    }

    static List<Group> groups(String file, JsonNode root) {
        DataFiles.refuseUnknownFields(file, root, Set.of("groups"));
        List<Group> groups = new ArrayList<>();
        for (JsonNode node : sortedEntries(file, root, "groups")) {
            String id = node.path("id").asText();
            String where = "group " + id + ": ";
            refuse(file, where, node, GROUP_FIELDS);
            if (!GROUP_ID.matcher(id).matches()) {
                throw new InvalidDataFileException(file, where + "id must be lower_snake_case");
            }
            double max = number(file, where, node, "max_score");
            if (max <= 0) {
                throw new InvalidDataFileException(file, where + "max_score must be positive");
            }
            groups.add(new Group(id, max, bilingual(file, where, node, "description")));
        }
        return groups;
    }

    static List<Composite> composites(String file, JsonNode root) {
        DataFiles.refuseUnknownFields(file, root, Set.of("composites"));
        List<Composite> composites = new ArrayList<>();
        for (JsonNode node : sortedEntries(file, root, "composites")) {
            String id = node.path("id").asText();
            String where = "composite " + id + ": ";
            refuse(file, where, node, COMPOSITE_FIELDS);
            ruleId(file, id);
            String text = text(file, where, node, "expression");
            Expression expression;
            try {
                expression = Expression.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidDataFileException(file, where + "expression '" + text + "': " + e.getMessage());
            }
            composites.add(new Composite(
                    id,
                    expression,
                    scheme(file, where, node),
                    text(file, where, node, "group"),
                    number(file, where, node, "weight"),
                    version(file, where, node),
                    bilingual(file, where, node, "explanation"),
                    file));
        }
        return composites;
    }

    private static Rule rule(String file, JsonNode node, Map<String, WarningList> lists) {
        String id = node.path("id").asText();
        String where = "rule " + id + ": ";
        refuse(file, where, node, RULE_FIELDS);
        ruleId(file, id);
        JsonNode deprecated = node.get("deprecated");
        if (deprecated != null && !deprecated.isBoolean()) {
            throw new InvalidDataFileException(file, where + "deprecated must be true or false");
        }
        JsonNode note = node.get("note");
        if (note != null && !note.isTextual()) {
            throw new InvalidDataFileException(file, where + "note must be text");
        }
        Matcher matcher = matcher(file, where, node, lists);
        Rule.Examples examples = examples(file, where, node.get("examples"));
        if (matcher.readsText()
                && (examples.fires().isEmpty() || examples.quiet().isEmpty())) {
            throw new InvalidDataFileException(
                    file, where + "a rule that reads the text needs at least one 'fires' and one 'quiet' example");
        }
        if (matcher instanceof Matcher.Regex regex) {
            checkRegexNeedsDigits(file, where, regex, examples);
        }
        return new Rule(
                id,
                scheme(file, where, node),
                text(file, where, node, "group"),
                number(file, where, node, "weight"),
                version(file, where, node),
                deprecated != null && deprecated.asBoolean(),
                matcher,
                bilingual(file, where, node, "explanation"),
                examples,
                file);
    }

    private static Matcher matcher(String file, String where, JsonNode node, Map<String, WarningList> lists) {
        List<String> present = new ArrayList<>();
        MATCHERS.forEach(name -> {
            if (node.has(name)) {
                present.add(name);
            }
        });
        if (present.size() != 1) {
            throw new InvalidDataFileException(
                    file, where + "needs exactly one matcher of " + MATCHERS + ", has " + present);
        }
        JsonNode value = node.get(present.getFirst());
        return switch (present.getFirst()) {
            case "phrases" -> phrases(file, where, value);
            case "regex" -> regex(file, where, value);
            case "identifier" -> identifier(file, where, value);
            case "header" -> header(file, where, value);
            default -> link(file, where, value, lists);
        };
    }

    private static Matcher.Phrases phrases(String file, String where, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidDataFileException(
                    file, where + "phrases must be an object {\"fr\": [...], \"en\": [...]}");
        }
        refuse(file, where + "phrases: ", node, LANGUAGES);
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        for (String lang : List.of("en", "fr")) {
            List<String> phrases = strings(file, where + "phrases." + lang, node.get(lang));
            String previous = null;
            for (String phrase : phrases) {
                checkPhrase(file, where, lang, phrase);
                String key = NormalisedText.normalise(phrase);
                if (previous != null && previous.compareTo(key) >= 0) {
                    throw new InvalidDataFileException(
                            file,
                            where + "phrases." + lang + " '" + phrase
                                    + "' is out of order or repeats another (keep them sorted by their normal form,"
                                    + " unique)");
                }
                previous = key;
            }
            byLanguage.put(lang, phrases);
        }
        return new Matcher.Phrases(byLanguage);
    }

    private static void checkPhrase(String file, String where, String lang, String phrase) {
        List<String> words = Matcher.Phrases.words(phrase);
        String problem = null;
        if (words.isEmpty()) {
            problem = "has no word";
        } else if (words.getFirst().equals(Matcher.Phrases.GAP)
                || words.getLast().equals(Matcher.Phrases.GAP)) {
            problem = "starts or ends with a gap '*'";
        } else {
            for (int i = 0; i < words.size() && problem == null; i++) {
                String word = words.get(i);
                boolean gap = word.equals(Matcher.Phrases.GAP);
                if (gap && i > 0 && words.get(i - 1).equals(Matcher.Phrases.GAP)) {
                    problem = "has two gaps in a row";
                } else if (!gap && word.endsWith("*") && word.length() < 4) {
                    problem = "has a prefix '" + word + "' shorter than 3 letters";
                }
            }
        }
        if (problem == null
                && STAR_INSIDE.matcher(NormalisedText.normalise(phrase)).find()) {
            problem = "has a '*' inside a word";
        }
        if (problem != null) {
            throw new InvalidDataFileException(file, where + "phrases." + lang + " '" + phrase + "' " + problem);
        }
    }

    private static Matcher.Regex regex(String file, String where, JsonNode node) {
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new InvalidDataFileException(file, where + "regex must be non-empty text");
        }
        String pattern = node.asText();
        try {
            if (Pattern.compile(pattern).matcher("").matches()) {
                throw new InvalidDataFileException(file, where + "regex matches the empty text");
            }
        } catch (PatternSyntaxException e) {
            throw new InvalidDataFileException(file, where + "regex does not compile: " + e.getDescription());
        }
        if (BACK_REFERENCE.matcher(pattern).find()) {
            throw new InvalidDataFileException(
                    file, where + "regex uses a back-reference, which the engine cannot combine with other rules");
        }
        String literal = pattern.replaceAll("\\\\p\\{[^}]*}", "").replaceAll("\\\\[A-Za-z]", "");
        if (!literal.equals(literal.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidDataFileException(
                    file, where + "regex has upper-case letters, which never match the normalised (lower-case) text");
        }
        return new Matcher.Regex(pattern);
    }

    /**
     * The engine runs regex rules only around digits (amounts, percentages, durations): each firing example must be
     * matched by a stretch that holds a digit, or the rule would never fire on real messages.
     */
    private static void checkRegexNeedsDigits(String file, String where, Matcher.Regex regex, Rule.Examples examples) {
        Pattern pattern = Pattern.compile(regex.pattern());
        for (String example : examples.fires()) {
            java.util.regex.Matcher m =
                    pattern.matcher(NormalisedText.of(example).text());
            boolean withDigit = false;
            while (!withDigit && m.find()) {
                withDigit = m.group().chars().anyMatch(c -> c >= '0' && c <= '9');
            }
            if (!withDigit) {
                throw new InvalidDataFileException(
                        file,
                        where + "firing example '" + example
                                + "' is not matched on a stretch with a digit (regex rules run only around digits)");
            }
        }
    }

    private static Matcher.IdentifierKinds identifier(String file, String where, JsonNode node) {
        refuse(file, where + "identifier: ", node, Set.of("kinds"));
        Set<String> kinds = new LinkedHashSet<>();
        for (String kind : strings(file, where + "identifier.kinds", node.get("kinds"))) {
            try {
                kinds.add(Kind.fromId(kind).id());
            } catch (IllegalArgumentException e) {
                throw new InvalidDataFileException(file, where + "identifier kind '" + kind + "' is unknown");
            }
        }
        return new Matcher.IdentifierKinds(kinds);
    }

    private static Matcher.HeaderSigns header(String file, String where, JsonNode node) {
        refuse(file, where + "header: ", node, Set.of("mismatches", "warnings", "auth"));
        List<String> mismatches =
                node.has("mismatches") ? strings(file, where + "header.mismatches", node.get("mismatches")) : List.of();
        List<String> warnings =
                node.has("warnings") ? strings(file, where + "header.warnings", node.get("warnings")) : List.of();
        Map<String, List<String>> auth = new LinkedHashMap<>();
        JsonNode authNode = node.path("auth");
        if (!authNode.isMissingNode()) {
            refuse(file, where + "header.auth: ", authNode, AUTH_METHODS);
            for (Iterator<String> it = authNode.fieldNames(); it.hasNext(); ) {
                String method = it.next();
                auth.put(method, strings(file, where + "header.auth." + method, authNode.get(method)));
            }
        }
        if (mismatches.isEmpty() && warnings.isEmpty() && auth.isEmpty()) {
            throw new InvalidDataFileException(file, where + "header needs mismatches, warnings or auth");
        }
        return new Matcher.HeaderSigns(mismatches, warnings, auth);
    }

    private static Matcher.LinkCheck link(String file, String where, JsonNode node, Map<String, WarningList> lists) {
        refuse(file, where + "link: ", node, Set.of("test", "list"));
        String id = text(file, where, node, "test");
        Matcher.LinkTest test = Matcher.LinkTest.fromId(id);
        if (test == null) {
            throw new InvalidDataFileException(file, where + "link test '" + id + "' is unknown");
        }
        String list = node.has("list") ? text(file, where, node, "list") : null;
        if (test.needsList() != (list != null)) {
            throw new InvalidDataFileException(
                    file, where + "link test '" + id + "' " + (test.needsList() ? "needs" : "takes no") + " list");
        }
        if (list != null && (!lists.containsKey(list) || !lists.get(list).type().equals("hostname"))) {
            throw new InvalidDataFileException(file, where + "link list '" + list + "' is not a hostname list");
        }
        return new Matcher.LinkCheck(test, list);
    }

    private static Rule.Examples examples(String file, String where, JsonNode node) {
        if (node == null) {
            return Rule.Examples.NONE;
        }
        refuse(file, where + "examples: ", node, Set.of("fires", "quiet"));
        List<String> fires = node.has("fires") ? strings(file, where + "examples.fires", node.get("fires")) : List.of();
        List<String> quiet = node.has("quiet") ? strings(file, where + "examples.quiet", node.get("quiet")) : List.of();
        return new Rule.Examples(fires, quiet);
    }

    /** The entries of an array, which must be objects sorted by their unique {@code id}. */
    private static List<JsonNode> sortedEntries(String file, JsonNode root, String field) {
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

    private static void ruleId(String file, String id) {
        if (!RULE_ID.matcher(id).matches()) {
            throw new InvalidDataFileException(file, "id '" + id + "' must be UPPER_SNAKE_CASE");
        }
    }

    private static String scheme(String file, String where, JsonNode node) {
        String scheme = text(file, where, node, "scheme");
        if (!scheme.equals(RuleSet.ANY) && !RuleSet.SCHEMES.contains(scheme)) {
            throw new InvalidDataFileException(
                    file, where + "scheme '" + scheme + "' is not in the taxonomy (or '" + RuleSet.ANY + "')");
        }
        return scheme;
    }

    private static int version(String file, String where, JsonNode node) {
        JsonNode version = node.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.asInt() < 1) {
            throw new InvalidDataFileException(file, where + "version must be an integer from 1");
        }
        return version.asInt();
    }

    private static double number(String file, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new InvalidDataFileException(file, where + field + " must be a finite number");
        }
        return value.asDouble();
    }

    private static String text(String file, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidDataFileException(file, where + field + " is required and must be non-blank text");
        }
        return value.asText();
    }

    private static Bilingual bilingual(String file, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new InvalidDataFileException(file, where + field + " must be an object with 'fr' and 'en'");
        }
        refuse(file, where + field + ": ", value, LANGUAGES);
        return new Bilingual(
                text(file, where + field + ".", value, "fr"), text(file, where + field + ".", value, "en"));
    }

    private static List<String> strings(String file, String where, JsonNode node) {
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

    private static void refuse(String file, String where, JsonNode node, Set<String> known) {
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
