package fr.vigie.model;

/**
 * MurmurHash3 (x86, 32-bit) of the UTF-8 bytes of a word, written from the word's chars into a reused buffer: the
 * hash model files were trained with (Guava's {@code murmur3_32_fixed(seed).hashString(word, UTF_8)}, which a test
 * compares with this), without a String, a builder or a hasher object per word. Not thread-safe: one per extraction.
 */
final class WordHash {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private final int seed;

    WordHash(int seed) {
        this.seed = seed;
    }

    /** Writes {@code c} as UTF-8 at {@code at} in {@code bytes} (a char of the BMP, never a surrogate half). */
    static int putUtf8(char c, byte[] bytes, int at) {
        if (c < 0x80) {
            bytes[at] = (byte) c;
            return at + 1;
        }
        if (c < 0x800) {
            bytes[at] = (byte) (0xc0 | (c >>> 6));
            bytes[at + 1] = (byte) (0x80 | (c & 0x3f));
            return at + 2;
        }
        bytes[at] = (byte) (0xe0 | (c >>> 12));
        bytes[at + 1] = (byte) (0x80 | ((c >>> 6) & 0x3f));
        bytes[at + 2] = (byte) (0x80 | (c & 0x3f));
        return at + 3;
    }

    /** The hash of {@code bytes[0, length)}. */
    int hash(byte[] bytes, int length) {
        int h = seed;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            int k = (bytes[i] & 0xff)
                    | (bytes[i + 1] & 0xff) << 8
                    | (bytes[i + 2] & 0xff) << 16
                    | (bytes[i + 3] & 0xff) << 24;
            h ^= mixK(k);
            h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        }
        int k = 0;
        switch (length - i) {
            case 3:
                k ^= (bytes[i + 2] & 0xff) << 16;
            // fall through
            case 2:
                k ^= (bytes[i + 1] & 0xff) << 8;
            // fall through
            case 1:
                k ^= bytes[i] & 0xff;
                h ^= mixK(k);
            // fall through
            default:
        }
        h ^= length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mixK(int k) {
        return Integer.rotateLeft(k * C1, 15) * C2;
    }
}
