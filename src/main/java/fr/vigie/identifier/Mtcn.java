package fr.vigie.identifier;

import java.util.Optional;

/**
 * A Western Union Money Transfer Control Number: ten digits, written {@code 123-456-7890} or {@code 1234567890}.
 * Any ten digits parse; in free text {@link Identifiers} only takes them when a Western Union word is near.
 */
public record Mtcn(String normalized) implements Identifier {
    static final int DIGITS = 10;

    public Mtcn {
        if (normalized == null || normalized.length() != DIGITS || !allDigits(normalized)) {
            throw new IllegalArgumentException("an MTCN is ten digits");
        }
    }

    public static Optional<Mtcn> parse(String written) {
        if (written == null || written.length() > 20) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(DIGITS);
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != '-' && c != ' ' && c != '.') {
                return Optional.empty();
            }
        }
        return digits.length() == DIGITS ? Optional.of(new Mtcn(digits.toString())) : Optional.empty();
    }

    /** {@code 123-456-7890}, the grouping printed on Western Union receipts. */
    @Override
    public String display() {
        return normalized.substring(0, 3) + "-" + normalized.substring(3, 6) + "-" + normalized.substring(6);
    }

    @Override
    public Kind kind() {
        return Kind.MTCN;
    }

    static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
