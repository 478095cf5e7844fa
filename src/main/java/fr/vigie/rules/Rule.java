package fr.vigie.rules;

import java.util.List;

/**
 * One red-flag rule, rspamd-style: a stable id (never reused), the scheme it supports ({@code any} for signs
 * shared by many schemes), its group (for caps), a modest weight, a matcher, the words shown to the person next to
 * the highlighted text, and examples that must and must not fire it.
 *
 * @param version bumped whenever the rule's meaning changes
 * @param deprecated kept to reserve the id, never evaluated
 * @param file the rule file it came from, for messages
 */
public record Rule(
        String id,
        String scheme,
        String group,
        double weight,
        int version,
        boolean deprecated,
        Matcher matcher,
        Bilingual explanation,
        Examples examples,
        String file) {

    /** Short texts written as a person receives them: {@code fires} must fire the rule, {@code quiet} must not. */
    public record Examples(List<String> fires, List<String> quiet) {
        public static final Examples NONE = new Examples(List.of(), List.of());

        public Examples {
            fires = List.copyOf(fires);
            quiet = List.copyOf(quiet);
        }
    }
}
