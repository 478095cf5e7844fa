package fr.vigie.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) through Bouncy Castle, written in the PHC string form {@code
 * $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}, so that a hash keeps the parameters it was made with and the cost can
 * rise later without breaking old accounts.
 *
 * <p>Parameters: 19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt and a 32-byte hash: the first of OWASP's
 * Argon2id settings (Password Storage Cheat Sheet), which spends about the same on an attacker's GPU as the
 * heavier ones while keeping a sign-in near 50 ms on one core. Immutable and safe to share between threads.
 */
public final class PasswordHasher {
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** A hash used when the account does not exist, so that a refusal costs the same either way (made on first use). */
    private static final class Decoy {
        static final String HASH = new PasswordHasher().hash("decoy password never used".toCharArray());
    }

    /** The PHC string of {@code password} with a fresh salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** Whether {@code password} matches {@code phc} (compared in constant time); a malformed hash never matches. */
    public boolean matches(char[] password, String phc) {
        Optional<Parsed> parsed = Parsed.of(phc);
        if (parsed.isEmpty()) {
            return false;
        }
        Parsed p = parsed.get();
        byte[] out = derive(password, p.salt(), p.memory(), p.iterations(), p.parallelism(), p.hash().length);
        return MessageDigest.isEqual(out, p.hash());
    }

    /** Spends the time of one verification and says no: for a name that has no account. */
    public boolean refuse(char[] password) {
        matches(password, Decoy.HASH);
        return false;
    }

    private static byte[] derive(char[] password, byte[] salt, int memory, int iterations, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            generator.generateBytes(bytes, out);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
            java.util.Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }

    private record Parsed(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {
        static Optional<Parsed> of(String phc) {
            String[] parts = phc == null ? new String[0] : phc.split("\\$");
            // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return Optional.empty();
            }
            try {
                String[] costs = parts[3].split(",");
                int m = Integer.parseInt(costs[0].substring(2));
                int t = Integer.parseInt(costs[1].substring(2));
                int p = Integer.parseInt(costs[2].substring(2));
                if (m < 8 || m > 4 * 1024 * 1024 || t < 1 || t > 100 || p < 1 || p > 64) {
                    return Optional.empty();
                }
                return Optional.of(new Parsed(m, t, p, B64D.decode(parts[4]), B64D.decode(parts[5])));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
