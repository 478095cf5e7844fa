package fr.vigie.identifier;

import fr.vigie.message.Span;
import java.util.Objects;

/**
 * An identifier found in a text: {@code written} is the text exactly as it appeared at {@code span} (for a
 * {@link Card}, with the middle digits masked: a full card number never leaves this package).
 */
public record Found(Identifier identifier, String written, Span span) {
    public Found {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(span, "span");
        if (identifier instanceof Card && countDigits(written) > 10) {
            throw new IllegalArgumentException("a card number must be masked before it is kept");
        }
    }

    private static int countDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            digits += Character.isDigit(text.charAt(i)) ? 1 : 0;
        }
        return digits;
    }
}
