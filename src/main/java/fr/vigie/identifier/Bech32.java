package fr.vigie.identifier;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Bech32 (BIP-173) and Bech32m (BIP-350) strings, and the segregated-witness addresses written with them. Written
 * from the two BIPs; tested with their vectors ({@code src/test/resources/identifier/bech32-vectors.txt}).
 * Stateless; thread-safe.
 */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONSTANT = 1;
    private static final int BECH32M_CONSTANT = 0x2bc830a3;
    private static final int MAX_LENGTH = 90;
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    enum Encoding {
        BECH32,
        BECH32M
    }

    /** A decoded string: its lower-case human-readable part and its 5-bit data words, checksum removed. */
    record Decoded(String hrp, byte[] data, Encoding encoding) {}

    /** A witness program: version 0..16 and 2..40 bytes. */
    record WitnessProgram(int version, byte[] program) {}

    private Bech32() {}

    static Optional<Decoded> decode(String text) {
        if (text.length() < 8 || text.length() > MAX_LENGTH || !singleCaseInRange(text)) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int separator = lower.lastIndexOf('1');
        if (separator < 1 || separator + 7 > lower.length()) {
            return Optional.empty(); // empty hrp, or checksum shorter than six characters
        }
        String hrp = lower.substring(0, separator);
        byte[] words = new byte[lower.length() - separator - 1];
        for (int i = 0; i < words.length; i++) {
            int value = CHARSET.indexOf(lower.charAt(separator + 1 + i));
            if (value < 0) {
                return Optional.empty();
            }
            words[i] = (byte) value;
        }
        int check = polymod(hrp, words);
        Encoding encoding;
        if (check == BECH32_CONSTANT) {
            encoding = Encoding.BECH32;
        } else if (check == BECH32M_CONSTANT) {
            encoding = Encoding.BECH32M;
        } else {
            return Optional.empty();
        }
        byte[] data = new byte[words.length - 6];
        System.arraycopy(words, 0, data, 0, data.length);
        return Optional.of(new Decoded(hrp, data, encoding));
    }

    /**
     * A segwit address for the network whose human-readable part is {@code expectedHrp} ("bc" for Bitcoin's main
     * network): version 0 must use Bech32 and a 20- or 32-byte program, versions 1..16 Bech32m.
     */
    static Optional<WitnessProgram> decodeSegwit(String expectedHrp, String address) {
        Optional<Decoded> decoded = decode(address);
        if (decoded.isEmpty() || !decoded.get().hrp().equals(expectedHrp)) {
            return Optional.empty();
        }
        byte[] data = decoded.get().data();
        if (data.length == 0 || data[0] > 16) {
            return Optional.empty();
        }
        int version = data[0];
        Optional<byte[]> program = fiveToEightBits(data, 1);
        if (program.isEmpty() || program.get().length < 2 || program.get().length > 40) {
            return Optional.empty();
        }
        if (version == 0 && program.get().length != 20 && program.get().length != 32) {
            return Optional.empty();
        }
        Encoding expected = version == 0 ? Encoding.BECH32 : Encoding.BECH32M;
        if (decoded.get().encoding() != expected) {
            return Optional.empty();
        }
        return Optional.of(new WitnessProgram(version, program.get()));
    }

    private static boolean singleCaseInRange(String text) {
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        return !(lower && upper);
    }

    private static int polymod(String hrp, byte[] words) {
        int check = 1;
        for (int i = 0; i < hrp.length(); i++) {
            check = step(check, hrp.charAt(i) >> 5);
        }
        check = step(check, 0);
        for (int i = 0; i < hrp.length(); i++) {
            check = step(check, hrp.charAt(i) & 31);
        }
        for (byte word : words) {
            check = step(check, word);
        }
        return check;
    }

    private static int step(int check, int value) {
        int top = check >>> 25;
        int next = ((check & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                next ^= GENERATOR[i];
            }
        }
        return next;
    }

    /** Regroups 5-bit words into bytes; BIP-173 allows at most 4 bits of padding, and they must be zero. */
    private static Optional<byte[]> fiveToEightBits(byte[] words, int from) {
        int accumulator = 0;
        int bits = 0;
        byte[] out = new byte[(words.length - from) * 5 / 8];
        int length = 0;
        for (int i = from; i < words.length; i++) {
            accumulator = ((accumulator << 5) | words[i]) & 0xfff;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[length++] = (byte) (accumulator >>> bits);
            }
        }
        if (bits >= 5 || ((accumulator << (8 - bits)) & 0xff) != 0) {
            return Optional.empty();
        }
        return Optional.of(length == out.length ? out : Arrays.copyOf(out, length));
    }
}
