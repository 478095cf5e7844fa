package fr.vigie.identifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Bitcoin's Base58 alphabet and Base58Check (payload followed by the first four bytes of a double SHA-256), as used
 * by legacy Bitcoin and Tron addresses. Stateless; thread-safe.
 */
final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] INDEX = new int[128];

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEX[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {}

    static boolean isBase58Char(char c) {
        return c < 128 && INDEX[c] >= 0;
    }

    /** The bytes a Base58 string stands for, or empty if a character is outside the alphabet. */
    static Optional<byte[]> decode(String text) {
        if (text.isEmpty()) {
            return Optional.of(new byte[0]);
        }
        int leadingZeros = 0;
        while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        // Base 58 to base 256, most significant byte first; size is an upper bound (log 58 / log 256 < 0.733).
        byte[] number = new byte[text.length() * 733 / 1000 + 1];
        int used = 0;
        for (int i = leadingZeros; i < text.length(); i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? INDEX[c] : -1;
            if (carry < 0) {
                return Optional.empty();
            }
            int j = 0;
            for (int k = number.length - 1; k >= 0 && (carry != 0 || j < used); k--, j++) {
                carry += 58 * (number[k] & 0xff);
                number[k] = (byte) carry;
                carry >>>= 8;
            }
            used = j;
        }
        byte[] result = new byte[leadingZeros + used];
        System.arraycopy(number, number.length - used, result, leadingZeros, used);
        return Optional.of(result);
    }

    /** The payload of a Base58Check string (version byte included), or empty if the checksum does not hold. */
    static Optional<byte[]> decodeChecked(String text) {
        Optional<byte[]> decoded = decode(text);
        if (decoded.isEmpty() || decoded.get().length < 5) {
            return Optional.empty();
        }
        byte[] all = decoded.get();
        byte[] payload = Arrays.copyOf(all, all.length - 4);
        byte[] checksum = Arrays.copyOfRange(all, all.length - 4, all.length);
        byte[] expected = Arrays.copyOf(doubleSha256(payload), 4);
        return MessageDigest.isEqual(checksum, expected) ? Optional.of(payload) : Optional.empty();
    }

    private static byte[] doubleSha256(byte[] data) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return sha256.digest(sha256.digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
