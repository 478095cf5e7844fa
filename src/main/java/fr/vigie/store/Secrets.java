package fr.vigie.store;

import fr.vigie.VigieException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The store's secret key, kept in a file beside the store and never in the database: follow-up tokens and reporter
 * pseudonyms are keyed hashes of it, so a copy of the database alone gives neither.
 */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] key;

    Secrets(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a store key has at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** Reads {@code dir/keys/store.key}, creating it (owner-only) on first use. */
    static Secrets in(Path dir) {
        Path file = dir.resolve("keys").resolve("store.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path tmp = file.resolveSibling("store.key.tmp");
                Files.write(tmp, fresh, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the folder's own protection applies
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return new Secrets(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new VigieException("the store key " + file + " cannot be read or created", e);
        }
    }

    /** The follow-up token of a submission: the same submission always gets the same token (idempotent retries). */
    String token(String submissionKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("token\0" + submissionKey, 16));
    }

    /** A reporter's pseudonym: stable, and meaningless without the key. */
    String pseudonym(String reporterId) {
        return "P-" + HexFormat.of().formatHex(mac("reporter\0" + reporterId, 5));
    }

    /**
     * The key a data subject is found by: a keyed hash of an e-mail address or phone number in normal form, so the
     * database can be searched for a person without holding their address in clear.
     */
    String lookupHash(String kind, String normalized) {
        return HexFormat.of().formatHex(mac("lookup\0" + kind + "\0" + normalized, 32));
    }

    static String randomId(String prefix, int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return prefix + HexFormat.of().formatHex(b);
    }

    private byte[] mac(String input, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(full, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
