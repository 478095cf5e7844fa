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

/** Reads and checks the matcher of one rule: phrases, regex, identifier kinds, header signs or a link check. */
final class MatcherReader {
    private static final Pattern BACK_REFERENCE = Pattern.compile("(?<!\\\\)\\\\(?:[1-9]|k<)");
    private static final Pattern STAR_INSIDE = Pattern.compile("\\*[\\p{L}\\p{N}]");
    private static final Set<String> MATCHERS = Set.of("phrases", "regex", "identifier", "header", "link");
    private static final Set<String> AUTH_METHODS = Set.of("spf", "dkim", "dmarc", "arc");

    private MatcherReader() {}

    static Matcher matcher(String file, String where, JsonNode node, Map<String, WarningList> lists) {
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
        Fields.refuse(file, where + "phrases: ", node, Set.copyOf(Fields.PHRASE_LANGUAGES));
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        for (String lang : Fields.PHRASE_LANGUAGES) {
            if (!Fields.LANGUAGES.contains(lang) && !node.has(lang)) {
                continue;
            }
            List<String> phrases = Fields.strings(file, where + "phrases." + lang, node.get(lang));
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
    static void checkRegexNeedsDigits(String file, String where, Matcher.Regex regex, Rule.Examples examples) {
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
        Fields.refuse(file, where + "identifier: ", node, Set.of("kinds"));
        Set<String> kinds = new LinkedHashSet<>();
        for (String kind : Fields.strings(file, where + "identifier.kinds", node.get("kinds"))) {
            try {
                kinds.add(Kind.fromId(kind).id());
            } catch (IllegalArgumentException e) {
                throw new InvalidDataFileException(file, where + "identifier kind '" + kind + "' is unknown");
            }
        }
        return new Matcher.IdentifierKinds(kinds);
    }

    private static Matcher.HeaderSigns header(String file, String where, JsonNode node) {
        Fields.refuse(file, where + "header: ", node, Set.of("mismatches", "warnings", "auth"));
        List<String> mismatches = node.has("mismatches")
                ? Fields.strings(file, where + "header.mismatches", node.get("mismatches"))
                : List.of();
        List<String> warnings = node.has("warnings")
                ? Fields.strings(file, where + "header.warnings", node.get("warnings"))
                : List.of();
        Map<String, List<String>> auth = new LinkedHashMap<>();
        JsonNode authNode = node.path("auth");
        if (!authNode.isMissingNode()) {
            Fields.refuse(file, where + "header.auth: ", authNode, AUTH_METHODS);
            for (Iterator<String> it = authNode.fieldNames(); it.hasNext(); ) {
                String method = it.next();
                auth.put(method, Fields.strings(file, where + "header.auth." + method, authNode.get(method)));
            }
        }
        if (mismatches.isEmpty() && warnings.isEmpty() && auth.isEmpty()) {
            throw new InvalidDataFileException(file, where + "header needs mismatches, warnings or auth");
        }
        return new Matcher.HeaderSigns(mismatches, warnings, auth);
    }

    private static Matcher.LinkCheck link(String file, String where, JsonNode node, Map<String, WarningList> lists) {
        Fields.refuse(file, where + "link: ", node, Set.of("test", "list"));
        String id = Fields.text(file, where, node, "test");
        Matcher.LinkTest test = Matcher.LinkTest.fromId(id);
        if (test == null) {
            throw new InvalidDataFileException(file, where + "link test '" + id + "' is unknown");
        }
        String list = node.has("list") ? Fields.text(file, where, node, "list") : null;
        if (test.needsList() != (list != null)) {
            throw new InvalidDataFileException(
                    file, where + "link test '" + id + "' " + (test.needsList() ? "needs" : "takes no") + " list");
        }
        if (list != null && (!lists.containsKey(list) || !lists.get(list).type().equals("hostname"))) {
            throw new InvalidDataFileException(file, where + "link list '" + list + "' is not a hostname list");
        }
        return new Matcher.LinkCheck(test, list);
    }
}
