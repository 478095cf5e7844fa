package fr.vigie.model;

import fr.vigie.message.Evidence;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The data README's deterministic split: a message is on the <b>test</b> side when {@code int(sha256(key), 16) % 10
 * == 0}. The key keeps near-duplicates together: the labels' {@code file} column for spamassassin and phishing-pot,
 * the lower-cased From address for clair-419 (one sender's copies of a letter), the normalised text for SMS rows.
 * Training also sets apart a <b>validation</b> slice of the train side, chosen by the next decimal digit of the same
 * number, to choose the threshold without looking at the test side. Stateless and thread-safe.
 */
public final class KeyedSplit {
    /** The rule as written in model files. */
    public static final String RULE = "test iff int(sha256(key),16) % 10 == 0; validation iff train and "
            + "int(sha256(key),16) / 10 % 10 == 0; key = file (spamassassin, phishing-pot), lower-cased From "
            + "address (clair-419, else file), normalised text (sms)";

    private static final BigInteger TEN = BigInteger.TEN;

    private KeyedSplit() {}

    /** The side a key falls on. */
    public enum Side {
        TRAIN,
        VALIDATION,
        TEST;

        /** True for both parts of the train side. */
        public boolean isTrain() {
            return this != TEST;
        }
    }

    public static Side side(String key) {
        BigInteger h = hash(key);
        if (h.mod(TEN).signum() == 0) {
            return Side.TEST;
        }
        return h.divide(TEN).mod(TEN).signum() == 0 ? Side.VALIDATION : Side.TRAIN;
    }

    public static boolean isTest(String key) {
        return side(key) == Side.TEST;
    }

    /** The SHA-256 of the key's UTF-8 bytes as an unsigned integer. */
    static BigInteger hash(String key) {
        return new BigInteger(1, Evidence.digest().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** An SMS's key: lower-case, every run of non-alphanumeric characters one space, trimmed. */
    public static String smsKey(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", " ").strip();
    }
}
