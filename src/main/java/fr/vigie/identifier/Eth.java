package fr.vigie.identifier;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * An Ethereum (or EVM chain) address: {@code 0x} and 40 hex digits, kept in lower case, shown with its EIP-55
 * checksum. A mixed-case address must pass EIP-55 (the case is then a checksum); all-lower or all-upper is
 * accepted as carrying no checksum.
 */
public record Eth(String normalized) implements Identifier {

    public Eth {
        if (normalized == null || !isLowerHexAddress(normalized)) {
            throw new IllegalArgumentException("not a lower-case 0x address");
        }
    }

    public static Optional<Eth> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String text = written.strip();
        if (text.length() != 42 || text.charAt(0) != '0' || (text.charAt(1) != 'x' && text.charAt(1) != 'X')) {
            return Optional.empty();
        }
        String hex = text.substring(2);
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (Character.digit(c, 16) < 0) {
                return Optional.empty();
            }
            lower |= c >= 'a' && c <= 'f';
            upper |= c >= 'A' && c <= 'F';
        }
        String normal = "0x" + hex.toLowerCase(Locale.ROOT);
        if (lower && upper && !checksummed(normal).equals("0x" + hex)) {
            return Optional.empty(); // a mistyped mixed-case address: EIP-55 exists to catch this
        }
        return Optional.of(new Eth(normal));
    }

    @Override
    public Kind kind() {
        return Kind.ETH;
    }

    @Override
    public String display() {
        return checksummed(normalized);
    }

    /** EIP-55: upper-case each letter whose nibble in Keccak-256 of the lower-case hex is 8 or more. */
    static String checksummed(String lowerAddress) {
        String hex = lowerAddress.substring(2);
        byte[] hash = Keccak256.digest(hex.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static boolean isLowerHexAddress(String text) {
        if (text.length() != 42 || !text.startsWith("0x")) {
            return false;
        }
        for (int i = 2; i < 42; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
