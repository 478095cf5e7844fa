package fr.vigie.identifier;

import java.util.Locale;
import java.util.Optional;

/**
 * A Bitcoin main-network address whose checksum holds: Base58Check P2PKH ({@code 1…}, version 0x00) or P2SH
 * ({@code 3…}, version 0x05), kept as written; or a native segwit address ({@code bc1…}), Bech32 for witness
 * version 0 (BIP-173) and Bech32m for versions 1 to 16 (BIP-350, taproot is v1), kept in lower case.
 */
public record Btc(String normalized, Type type) implements Identifier {

    /** The address format, from the version byte or the witness version. */
    public enum Type {
        P2PKH,
        P2SH,
        SEGWIT_V0,
        TAPROOT,
        SEGWIT_FUTURE
    }

    public Btc {
        if (normalized == null || type == null || typeOf(normalized).orElse(null) != type) {
            throw new IllegalArgumentException("not a valid Bitcoin address in normal form");
        }
    }

    public static Optional<Btc> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String text = written.strip();
        if (text.regionMatches(true, 0, "bc1", 0, 3)) {
            text = text.toLowerCase(Locale.ROOT);
        }
        String normal = text;
        return typeOf(normal).map(type -> new Btc(normal, type));
    }

    /** The type of an address already in normal form, or empty if it is not one. */
    private static Optional<Type> typeOf(String text) {
        if (text.length() < 14 || text.length() > 90) {
            return Optional.empty();
        }
        if (text.startsWith("bc1")) {
            return Bech32.decodeSegwit("bc", text).map(program -> segwitType(program.version()));
        }
        if (text.length() < 25 || text.length() > 35 || (text.charAt(0) != '1' && text.charAt(0) != '3')) {
            return Optional.empty();
        }
        return Base58.decodeChecked(text).flatMap(payload -> {
            if (payload.length != 21) {
                return Optional.empty();
            }
            return switch (payload[0]) {
                case 0x00 -> Optional.of(Type.P2PKH);
                case 0x05 -> Optional.of(Type.P2SH);
                default -> Optional.empty();
            };
        });
    }

    private static Type segwitType(int version) {
        return switch (version) {
            case 0 -> Type.SEGWIT_V0;
            case 1 -> Type.TAPROOT;
            default -> Type.SEGWIT_FUTURE;
        };
    }

    @Override
    public Kind kind() {
        return Kind.BTC;
    }
}
