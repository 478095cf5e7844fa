package fr.vigie.ocr;

import java.util.Optional;

/**
 * An image's format and declared size, read from its first bytes only (no decoder runs): enough to refuse an image
 * bomb — a few kilobytes that declare a hundred thousand pixels square — before anything decompresses it.
 *
 * @param format png, jpeg, gif, bmp or webp
 */
record ImageHeader(String format, long width, long height) {

    long pixels() {
        return width * height;
    }

    /** The format named by the magic bytes, whatever the file name says; empty when the bytes are not an image we read. */
    static Optional<String> format(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return Optional.of("png");
        }
        if (starts(b, 0xff, 0xd8, 0xff)) {
            return Optional.of("jpeg");
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return Optional.of("gif");
        }
        if (starts(b, 'B', 'M') && b.length >= 26) {
            return Optional.of("bmp");
        }
        if (starts(b, 'R', 'I', 'F', 'F')
                && b.length >= 12
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return Optional.of("webp");
        }
        return Optional.empty();
    }

    /** The header, or empty when the format is unknown or its size fields cannot be found. */
    static Optional<ImageHeader> read(byte[] b) {
        Optional<String> format = format(b);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        return switch (format.get()) {
            case "png" -> b.length >= 24 ? of("png", be32(b, 16), be32(b, 20)) : Optional.empty();
            case "gif" -> b.length >= 10 ? of("gif", le16(b, 6), le16(b, 8)) : Optional.empty();
            case "bmp" -> of("bmp", Math.abs((long) le32(b, 18)), Math.abs((long) le32(b, 22)));
            case "jpeg" -> jpeg(b);
            case "webp" -> webp(b);
            default -> Optional.empty();
        };
    }

    private static Optional<ImageHeader> of(String format, long width, long height) {
        return width > 0 && height > 0 ? Optional.of(new ImageHeader(format, width, height)) : Optional.empty();
    }

    /** The first start-of-frame marker's size (SOF0–SOF15 but DHT, JPG and DAC, which share the range). */
    private static Optional<ImageHeader> jpeg(byte[] b) {
        int at = 2;
        while (at + 9 < b.length) {
            if ((b[at] & 0xff) != 0xff) {
                return Optional.empty();
            }
            int marker = b[at + 1] & 0xff;
            if (marker == 0xff) {
                at++; // fill byte
                continue;
            }
            int length = be16(b, at + 2);
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                return of("jpeg", be16(b, at + 7), be16(b, at + 5));
            }
            if (length < 2) {
                return Optional.empty();
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<ImageHeader> webp(byte[] b) {
        if (b.length < 30) {
            return Optional.empty();
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> of("webp", le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff);
            case "VP8L" -> {
                long bits = le32(b, 21) & 0xffffffffL;
                yield of("webp", (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
            }
            case "VP8X" -> of("webp", le24(b, 24) + 1, le24(b, 27) + 1);
            default -> Optional.empty();
        };
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static long be32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24)
                | ((b[at + 1] & 0xff) << 16)
                | ((b[at + 2] & 0xff) << 8)
                | (b[at + 3] & 0xff);
    }

    private static int be16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8);
    }

    private static int le24(byte[] b, int at) {
        return le16(b, at) | ((b[at + 2] & 0xff) << 16);
    }

    private static int le32(byte[] b, int at) {
        return le24(b, at) | ((b[at + 3] & 0xff) << 24);
    }
}
