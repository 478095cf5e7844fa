package fr.vigie.detect;

import java.util.List;
import java.util.Objects;

/**
 * One rule that fired on a message: what it supports, how much it weighs, what to tell the person, and where in
 * their own text it was seen.
 *
 * @param scheme a taxonomy id, or {@code any} for a sign shared by many schemes
 * @param evidence where the rule matched; empty only for header signs that no single header value shows
 */
public record RedFlag(
        String ruleId,
        String scheme,
        String group,
        double weight,
        String explanationFr,
        String explanationEn,
        List<Evidence> evidence) {

    public RedFlag {
        Objects.requireNonNull(ruleId, "ruleId");
        evidence = List.copyOf(evidence);
    }

    /**
     * A piece of the original text: {@code part} is named as in {@link fr.vigie.message.Span} ({@code header:<Name>}
     * with offsets into the header value, {@code body:<n>} into the part's text, {@code body:<n>:href} for a link
     * whose visible text sits at those offsets of part n), and {@code text} is exactly what is there.
     */
    public record Evidence(String part, int start, int end, String text) {
        public Evidence {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(text, "text");
            if (start < 0 || end < start || end - start != text.length()) {
                throw new IllegalArgumentException("evidence offsets " + start + ".." + end + " do not fit its text");
            }
        }
    }
}
