package fr.vigie.identifier;

import java.util.Optional;

/**
 * A Tron address (where USDT "TRC-20" scams ask to be paid): Base58Check of version byte 0x41 and 20 bytes, so 34
 * characters starting with {@code T}; the checksum must hold. Kept as written (Base58 is case-sensitive).
 */
public record Trx(String normalized) implements Identifier {
    static final int LENGTH = 34;

    public Trx {
        if (normalized == null || !isValid(normalized)) {
            throw new IllegalArgumentException("not a valid Tron address");
        }
    }

    public static Optional<Trx> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String text = written.strip();
        return isValid(text) ? Optional.of(new Trx(text)) : Optional.empty();
    }

    private static boolean isValid(String text) {
        if (text.length() != LENGTH || text.charAt(0) != 'T') {
            return false;
        }
        return Base58.decodeChecked(text)
                .filter(payload -> payload.length == 21 && payload[0] == 0x41)
                .isPresent();
    }

    @Override
    public Kind kind() {
        return Kind.TRX;
    }
}
