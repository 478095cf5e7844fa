package fr.vigie.message;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The received bytes' identity: their SHA-256 (lower-case hex) and size. The bytes themselves are never altered. */
public record Evidence(String sha256, long size) {

    public static Evidence of(byte[] bytes) {
        return new Evidence(sha256(bytes), bytes.length);
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * A fresh SHA-256 digest. Cloned from one made at start: {@link MessageDigest#getInstance} looks the provider
     * up and checks the algorithm's constraints each time, which cost as much as hashing a short message.
     */
    public static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest();
        }
    }

    private static final MessageDigest PROTOTYPE = newDigest();

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
