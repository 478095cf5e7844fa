package fr.vigie.rules;

import fr.vigie.text.NormalisedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule looks for, one record per kind of matcher. Records here are data; the matching itself lives in
 * {@code fr.vigie.detect}. Text matchers read the normalised text ({@code fr.vigie.text.NormalisedText}).
 */
public sealed interface Matcher {

    /** True when the rule reads the words of the message, so it needs firing and quiet examples. */
    boolean readsText();

    /**
     * Phrases per language id ({@code fr} and {@code en}, and optionally {@code de}, {@code es}, {@code it},
     * {@code nl}, {@code pt}), as written in the file. Matched as whole words in any language; {@code *} alone is a gap of 0 to {@link #MAX_GAP} words, {@code word*} matches words starting so.
     */
    record Phrases(Map<String, List<String>> byLanguage) implements Matcher {
        public static final int MAX_GAP = 3;

        public static final String GAP = "*";

        public Phrases {
            byLanguage = Map.copyOf(byLanguage);
        }

        /**
         * The words of a phrase as the matcher compares them: normalised like the message text, split on anything
         * that is not a letter or digit. A word {@code *} is a gap, a word ending in {@code *} a prefix.
         */
        public static List<String> words(String phrase) {
            String normal = NormalisedText.normalise(phrase);
            List<String> words = new ArrayList<>();
            int i = 0;
            while (i < normal.length()) {
                if (!isWordChar(normal.charAt(i)) && normal.charAt(i) != '*') {
                    i++;
                    continue;
                }
                int start = i;
                while (i < normal.length() && isWordChar(normal.charAt(i))) {
                    i++;
                }
                if (i < normal.length() && normal.charAt(i) == '*') {
                    i++;
                }
                words.add(normal.substring(start, i));
            }
            return words;
        }

        /** The characters a word is made of, in phrases and in messages alike. */
        /** {@link Character#isLetterOrDigit(char)}, answered for ASCII without a call: most mail text is ASCII. */
        public static boolean isWordChar(char c) {
            if (c < 0x80) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            }
            return Character.isLetterOrDigit(c);
        }

        @Override
        public boolean readsText() {
            return true;
        }
    }

    /** A Java regular expression over the normalised (lower-case, accent-free) text. */
    record Regex(String pattern) implements Matcher {
        @Override
        public boolean readsText() {
            return true;
        }
    }

    /** Fires on each identifier of these kinds ({@code btc}, {@code mtcn}...) that is not the victim's own. */
    record IdentifierKinds(Set<String> kinds) implements Matcher {
        public IdentifierKinds {
            kinds = Set.copyOf(kinds);
        }

        @Override
        public boolean readsText() {
            return true;
        }
    }

    /**
     * Fires when header forensics found any of these mismatch codes or warning codes, or when the receiver's own
     * verdict for an authentication method ({@code spf}, {@code dkim}, {@code dmarc}, {@code arc}) is one listed.
     */
    record HeaderSigns(List<String> mismatches, List<String> warnings, Map<String, List<String>> auth)
            implements Matcher {
        public HeaderSigns {
            mismatches = List.copyOf(mismatches);
            warnings = List.copyOf(warnings);
            // In the rule file's order: evidence is listed method by method, and Map.copyOf iterates in an order
            // that changes from one JVM start to the next, so the same message gave its evidence in either order.
            Map.copyOf(auth); // refuses null methods and lists
            auth = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(auth));
        }

        @Override
        public boolean readsText() {
            return false;
        }
    }

    /** A check on the message's links; {@code list} names the warning list the check reads, or is null. */
    record LinkCheck(LinkTest test, String list) implements Matcher {
        @Override
        public boolean readsText() {
            return false;
        }
    }

    /** The link checks, by the id used in rule files. */
    enum LinkTest {
        /** The visible text of an HTML link shows a domain, the link goes to another organisation. */
        TEXT_SHOWS_OTHER_DOMAIN("text_shows_other_domain"),
        /** The link's host is a bare IP address. */
        IP_HOST("ip_host"),
        /** The link's host is in the list (a URL shortener, say) or under a domain in it. */
        LISTED_HOST("listed_host"),
        /** The link's host carries a brand's name from the list but is not one of that brand's own domains. */
        LOOKALIKE_HOST("lookalike_host");

        private final String id;

        LinkTest(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public boolean needsList() {
            return this == LISTED_HOST || this == LOOKALIKE_HOST;
        }

        static LinkTest fromId(String id) {
            for (LinkTest test : values()) {
                if (test.id.equals(id)) {
                    return test;
                }
            }
            return null;
        }
    }
}
