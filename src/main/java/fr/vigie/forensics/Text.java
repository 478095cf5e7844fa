package fr.vigie.forensics;

import fr.vigie.identifier.Domain;
import fr.vigie.identifier.Ip;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Small text helpers shared by the header readers: RFC 5322 comments, quoted strings, folded names. */
final class Text {
    // Compiled once: String.replaceAll compiles its pattern on every call, and these run for every message.
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");
    private static final Pattern BRACKETS_OR_SPACE = Pattern.compile("[<>\\s]");

    private Text() {}

    /** The text with its parenthesised comments (nested, escaped) removed; quoted strings are kept as they are. */
    static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                if (depth == 0) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
                out.append(c);
            } else if (c == '(' && !quoted) {
                depth++;
            } else if (c == ')' && !quoted && depth > 0) {
                depth--;
                out.append(depth == 0 ? " " : "");
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The top-level comments of {@code text}, without their parentheses (inner comments stay inside). */
    static List<String> comments(String text) {
        List<String> found = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                if (depth++ == 0) {
                    start = i + 1;
                }
            } else if (c == ')' && depth > 0 && --depth == 0) {
                found.add(text.substring(start, i).strip());
            }
        }
        return found;
    }

    /** Splits at {@code separator} outside comments and quoted strings. */
    static List<String> splitOutside(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                depth++;
            } else if (c == ')' && !quoted && depth > 0) {
                depth--;
            } else if (c == separator && depth == 0 && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Lower-case, accents removed, every run of other characters a single space: how names are compared. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String lower = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_LETTERS_OR_DIGITS.matcher(lower).replaceAll(" ").strip();
    }

    static String unquote(String text) {
        String t = text.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = ESCAPE.matcher(t.substring(1, t.length() - 1)).replaceAll("$1");
        }
        return t.strip();
    }

    /** The organisation (registrable domain) of a host name, or empty when it is not a name under a public suffix. */
    static Optional<String> organisation(String host) {
        if (host == null || Ip.parse(host).isPresent()) {
            return Optional.empty();
        }
        return Domain.parse(host).map(Domain::organisation);
    }

    /** The domain after the last {@code @} of an address, lower-case, without angle brackets. */
    static Optional<String> domainOfAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return Optional.empty();
        }
        String domain = BRACKETS_OR_SPACE.matcher(address.substring(at + 1)).replaceAll("");
        return domain.isEmpty() ? Optional.empty() : Optional.of(domain.toLowerCase(Locale.ROOT));
    }

    static Optional<String> nonBlank(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
