package fr.vigie.rules;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.InvalidDataFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
    private static final Set<String> COMPOSITE_FIELDS =
            Set.of("id", "expression", "scheme", "group", "weight", "version", "note", "explanation");
    private static final Set<String> GROUP_FIELDS = Set.of("id", "max_score", "description");

    private RuleReader() {}

    static List<Rule> rules(String file, JsonNode root, Map<String, WarningList> lists) {
        DataFiles.refuseUnknownFields(file, root, Set.of("rules"));
        List<Rule> rules = new ArrayList<>();
        for (JsonNode node : Fields.sortedEntries(file, root, "rules")) {
            rules.add(rule(file, node, lists));
        }
        return rules;
    }

    static List<Group> groups(String file, JsonNode root) {
        DataFiles.refuseUnknownFields(file, root, Set.of("groups"));
        List<Group> groups = new ArrayList<>();
        for (JsonNode node : Fields.sortedEntries(file, root, "groups")) {
            String id = node.path("id").asText();
            String where = "group " + id + ": ";
            Fields.refuse(file, where, node, GROUP_FIELDS);
            if (!GROUP_ID.matcher(id).matches()) {
                throw new InvalidDataFileException(file, where + "id must be lower_snake_case");
            }
            double max = Fields.number(file, where, node, "max_score");
            if (max <= 0) {
                throw new InvalidDataFileException(file, where + "max_score must be positive");
            }
            groups.add(new Group(id, max, Fields.bilingual(file, where, node, "description")));
        }
        return groups;
    }

    static List<Composite> composites(String file, JsonNode root) {
        DataFiles.refuseUnknownFields(file, root, Set.of("composites"));
        List<Composite> composites = new ArrayList<>();
        for (JsonNode node : Fields.sortedEntries(file, root, "composites")) {
            String id = node.path("id").asText();
            String where = "composite " + id + ": ";
            Fields.refuse(file, where, node, COMPOSITE_FIELDS);
            ruleId(file, id);
            String text = Fields.text(file, where, node, "expression");
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
                    Fields.text(file, where, node, "group"),
                    Fields.number(file, where, node, "weight"),
                    version(file, where, node),
                    Fields.bilingual(file, where, node, "explanation"),
                    file));
        }
        return composites;
    }

    private static Rule rule(String file, JsonNode node, Map<String, WarningList> lists) {
        String id = node.path("id").asText();
        String where = "rule " + id + ": ";
        Fields.refuse(file, where, node, RULE_FIELDS);
        ruleId(file, id);
        JsonNode deprecated = node.get("deprecated");
        if (deprecated != null && !deprecated.isBoolean()) {
            throw new InvalidDataFileException(file, where + "deprecated must be true or false");
        }
        JsonNode note = node.get("note");
        if (note != null && !note.isTextual()) {
            throw new InvalidDataFileException(file, where + "note must be text");
        }
        Matcher matcher = MatcherReader.matcher(file, where, node, lists);
        Rule.Examples examples = examples(file, where, node.get("examples"));
        if (matcher.readsText()
                && (examples.fires().isEmpty() || examples.quiet().isEmpty())) {
            throw new InvalidDataFileException(
                    file, where + "a rule that reads the text needs at least one 'fires' and one 'quiet' example");
        }
        if (matcher instanceof Matcher.Regex regex) {
            MatcherReader.checkRegexNeedsDigits(file, where, regex, examples);
        }
        return new Rule(
                id,
                scheme(file, where, node),
                Fields.text(file, where, node, "group"),
                Fields.number(file, where, node, "weight"),
                version(file, where, node),
                deprecated != null && deprecated.asBoolean(),
                matcher,
                Fields.bilingual(file, where, node, "explanation"),
                examples,
                file);
    }

    private static Rule.Examples examples(String file, String where, JsonNode node) {
        if (node == null) {
            return Rule.Examples.NONE;
        }
        Fields.refuse(file, where + "examples: ", node, Set.of("fires", "quiet"));
        List<String> fires =
                node.has("fires") ? Fields.strings(file, where + "examples.fires", node.get("fires")) : List.of();
        List<String> quiet =
                node.has("quiet") ? Fields.strings(file, where + "examples.quiet", node.get("quiet")) : List.of();
        return new Rule.Examples(fires, quiet);
    }

    private static void ruleId(String file, String id) {
        if (!RULE_ID.matcher(id).matches()) {
            throw new InvalidDataFileException(file, "id '" + id + "' must be UPPER_SNAKE_CASE");
        }
    }

    private static String scheme(String file, String where, JsonNode node) {
        String scheme = Fields.text(file, where, node, "scheme");
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
}
