package fr.vigie.store;

import fr.vigie.VigieException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest, by envelope: each item (a reporter's contact, an evidence file) is sealed with AES-256-GCM
 * under a random data key of its own, and that data key is stored wrapped (AES-256-GCM again) by the master key.
 * The master key never enters the database: it is read from {@code VIGIE_MASTER_KEY} (base64 of 32 bytes) or from
 * {@code <data>/keys/master.key} (created owner-only on first start). A rotation only re-wraps data keys.
 *
 * <p>Every row says which master key wrapped its data key ({@code master_id}, a hash of the key), so a rotation
 * stopped half way leaves rows under the old key and rows under the new one, and both still open: the old key is
 * kept (environment {@code VIGIE_MASTER_KEY_PREVIOUS}, or {@code keys/master.key.old}) until no row needs it.
 * Immutable and thread-safe.
 */
final class KeyRing {
    static final String ENV = "VIGIE_MASTER_KEY";
    static final String ENV_PREVIOUS = "VIGIE_MASTER_KEY_PREVIOUS";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** What a sealed item keeps: the ciphertext, its data key wrapped, and which master key wrapped it. */
    record Sealed(byte[] ciphertext, byte[] wrappedKey, String masterId) {}

    private final String currentId;
    private final Map<String, byte[]> keys;

    private KeyRing(byte[] current, Map<String, byte[]> others) {
        this.currentId = id(current);
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put(currentId, current.clone());
        others.values().forEach(k -> all.putIfAbsent(id(k), k.clone()));
        this.keys = Map.copyOf(all);
    }

    /** A ring of one key (tests, benchmarks). */
    static KeyRing of(byte[] master) {
        return new KeyRing(check(master, "the master key"), Map.of());
    }

    /** The keys of the environment if {@code VIGIE_MASTER_KEY} is set, else of the key files in {@code dir/keys}. */
    static KeyRing load(Path dir) {
        return load(dir, System.getenv(ENV), System.getenv(ENV_PREVIOUS));
    }

    static KeyRing load(Path dir, String fromEnv, String previousFromEnv) {
        Map<String, byte[]> others = new LinkedHashMap<>();
        if (previousFromEnv != null && !previousFromEnv.isBlank()) {
            others.put("previous", decode(previousFromEnv, ENV_PREVIOUS));
        }
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new KeyRing(decode(fromEnv, ENV), others);
        }
        Path keys = dir.resolve("keys");
        Path current = keys.resolve("master.key");
        Path old = keys.resolve("master.key.old");
        try {
            if (Files.exists(old)) {
                others.put("old", check(Files.readAllBytes(old), old.toString()));
            }
            if (!Files.exists(current)) {
                write(current, fresh());
            }
            return new KeyRing(check(Files.readAllBytes(current), current.toString()), others);
        } catch (IOException e) {
            throw new VigieException("the master key " + current + " cannot be read or created", e);
        }
    }

    /**
     * The first step of a rotation on key files: the current key becomes {@code master.key.old} and a new one
     * {@code master.key}. Both files are written before the old one is renamed; if {@code master.key.old} is
     * already there, a rotation was stopped part way and is resumed with the keys as they are. Returns the ring of
     * both keys, the new one current.
     */
    static KeyRing beginRotation(Path dir) {
        Path keys = dir.resolve("keys");
        Path current = keys.resolve("master.key");
        Path old = keys.resolve("master.key.old");
        Path next = keys.resolve("master.key.next");
        try {
            if (!Files.exists(current)) {
                throw new VigieException("there is no master key at " + current + " to rotate");
            }
            // Each step can be cut by a crash and done again: the new key is written whole before it is used, the
            // old one is copied aside before the new one takes its name, so every key is in a file at every moment.
            if (!Files.exists(old) && !Files.exists(next)) {
                write(next, fresh());
            }
            if (!Files.exists(old)) {
                write(old, Files.readAllBytes(current));
            }
            if (Files.exists(next)) {
                Files.move(next, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return load(dir, null, null);
        } catch (IOException e) {
            throw new VigieException("the master key files in " + keys + " cannot be rotated", e);
        }
    }

    /** The last step of a rotation on key files, once no row needs the old key: it is deleted. */
    static void endRotation(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("keys").resolve("master.key.old"));
        } catch (IOException e) {
            throw new VigieException("the old master key cannot be deleted", e);
        }
    }

    /** The id of the key that wraps new data keys. */
    String currentId() {
        return currentId;
    }

    boolean knows(String masterId) {
        return keys.containsKey(masterId);
    }

    /** Seals {@code plain} under a new data key; {@code context} (the item's id) is bound to both layers. */
    Sealed seal(byte[] plain, String context) {
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, dataKey, plain, "item\0" + context);
        byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, keys.get(currentId), dataKey, "key\0" + context);
        return new Sealed(ciphertext, wrapped, currentId);
    }

    /** The plain bytes of a sealed item; throws if anything was altered or the master key is unknown. */
    byte[] open(Sealed sealed, String context) {
        return gcm(
                Cipher.DECRYPT_MODE,
                unwrap(sealed.wrappedKey(), sealed.masterId(), context),
                sealed.ciphertext(),
                "item\0" + context);
    }

    /** The same data key wrapped by the current master key (a rotation; the ciphertext is not touched). */
    byte[] rewrap(byte[] wrappedKey, String masterId, String context) {
        return gcm(Cipher.ENCRYPT_MODE, keys.get(currentId), unwrap(wrappedKey, masterId, context), "key\0" + context);
    }

    private byte[] unwrap(byte[] wrappedKey, String masterId, String context) {
        byte[] master = keys.get(masterId);
        if (master == null) {
            throw new VigieException("a row is sealed under master key " + masterId + ", which is not loaded (set "
                    + ENV_PREVIOUS + " or restore keys/master.key.old)");
        }
        return gcm(Cipher.DECRYPT_MODE, master, wrappedKey, "key\0" + context);
    }

    /** {@code iv || ciphertext+tag} on the way out; the same read back. */
    private static byte[] gcm(int mode, byte[] key, byte[] input, String aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            SecretKeySpec spec = new SecretKeySpec(key, "AES");
            if (mode == Cipher.ENCRYPT_MODE) {
                byte[] iv = new byte[IV_BYTES];
                RANDOM.nextBytes(iv);
                cipher.init(mode, spec, new GCMParameterSpec(TAG_BITS, iv));
                cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
                byte[] out = new byte[IV_BYTES + cipher.getOutputSize(input.length)];
                System.arraycopy(iv, 0, out, 0, IV_BYTES);
                cipher.doFinal(input, 0, input.length, out, IV_BYTES);
                return out;
            }
            if (input.length < IV_BYTES + TAG_BITS / 8) {
                throw new VigieException("a sealed item is too short: it was cut or altered");
            }
            cipher.init(mode, spec, new GCMParameterSpec(TAG_BITS, input, 0, IV_BYTES));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, IV_BYTES, input.length - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new VigieException("a sealed item does not open: it was altered, or sealed under another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** A key's id: the first 16 hex digits of a SHA-256 of it (names the key, reveals nothing of it). */
    static String id(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("vigie master key id\0".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static byte[] fresh() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static byte[] decode(String base64, String name) {
        try {
            return check(Base64.getDecoder().decode(base64.strip()), name);
        } catch (IllegalArgumentException e) {
            throw new VigieException(name + " is not base64 of 32 bytes");
        }
    }

    private static byte[] check(byte[] key, String name) {
        if (key.length != 32) {
            throw new VigieException(name + " must hold exactly 32 bytes (it has " + key.length + ")");
        }
        return key;
    }

    /** Writes a key owner-only, through a temporary file renamed into place (never half a key under its name). */
    private static void write(Path file, byte[] key) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, key, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the folder's own protection applies
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
