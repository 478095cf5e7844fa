package fr.vigie.message;

import java.util.Objects;

/**
 * Where something was found: a part of the message and character offsets into that part's text
 * ({@code start} inclusive, {@code end} exclusive, in UTF-16 chars as Java strings count them).
 *
 * <p>{@code part} is {@code header:<Name>} for a header value (offsets into the unfolded, decoded value),
 * {@code body:<n>} for the n-th text part (1-based, offsets into its extracted text), {@code body:<n>:href} for a
 * link target found behind the text at those offsets. Pasted text is part {@code body:1}.
 */
public record Span(String part, int start, int end) {
    public Span {
        Objects.requireNonNull(part, "part");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public static Span header(String name, int start, int end) {
        return new Span("header:" + name, start, end);
    }

    public Span shift(int offset) {
        return new Span(part, start + offset, end + offset);
    }
}
