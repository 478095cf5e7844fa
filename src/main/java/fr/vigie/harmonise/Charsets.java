package fr.vigie.harmonise;

import fr.vigie.message.Warning;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns bytes into text whatever the sender declared. Declared charsets are often wrong (UTF-8 bytes labelled
 * ISO-8859-1, no label at all), so valid UTF-8 wins over a single-byte label, and undecodable bytes fall back to
 * windows-1252 (a superset of Latin-1 that maps every byte) with a warning rather than an error.
 */
final class Charsets {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final List<String> SINGLE_BYTE_LABELS =
            List.of("us-ascii", "ascii", "iso-8859-1", "latin1", "windows-1252", "cp1252", "iso-8859-15");

    private Charsets() {}

    record Decoded(String text, String charset) {}

    static Decoded decode(byte[] bytes, String declared, Consumer<Warning> warnings) {
        return decode(bytes, bytes.length, declared, warnings);
    }

    /** The same for the first {@code length} bytes of {@code bytes}: a part's text is read without a copy to size. */
    static Decoded decode(byte[] bytes, int length, String declared, Consumer<Warning> warnings) {
        if (hasUtf8Bom(bytes, length)) {
            return finish(new String(bytes, 3, length - 3, StandardCharsets.UTF_8), "utf-8", warnings);
        }
        if (length >= 2
                && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return finish(new String(bytes, 0, length, StandardCharsets.UTF_16), "utf-16", warnings);
        }
        String label = declared == null ? null : declared.strip().toLowerCase(Locale.ROOT);
        boolean ascii = isAscii(bytes, length);
        if (ascii) {
            return finish(
                    new String(bytes, 0, length, StandardCharsets.ISO_8859_1),
                    label == null ? "us-ascii" : label,
                    warnings);
        }
        String utf8 = strictUtf8(bytes, length);
        if (utf8 != null
                && (label == null
                        || label.isEmpty()
                        || SINGLE_BYTE_LABELS.contains(label)
                        || label.equals("utf-8")
                        || label.equals("utf8"))) {
            if (label != null && !label.startsWith("utf")) {
                warnings.accept(new Warning("charset_mislabelled", "declared " + label + " but the bytes are UTF-8"));
            }
            return finish(utf8, "utf-8", warnings);
        }
        Charset charset = lookup(label);
        if (charset == null) {
            if (label != null && !label.isEmpty()) {
                warnings.accept(
                        new Warning("charset_unknown", "unknown charset " + safe(label) + ", read as windows-1252"));
            } else {
                warnings.accept(
                        new Warning("charset_guessed", "no charset declared and not UTF-8, read as windows-1252"));
            }
            return finish(new String(bytes, 0, length, WINDOWS_1252), "windows-1252", warnings);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return finish(
                    decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString(),
                    charset.name().toLowerCase(Locale.ROOT),
                    warnings);
        } catch (CharacterCodingException e) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                warnings.accept(
                        new Warning("invalid_utf8", "bytes are not valid UTF-8 as declared, invalid ones replaced"));
                return finish(new String(bytes, 0, length, StandardCharsets.UTF_8), "utf-8", warnings);
            }
            warnings.accept(new Warning("invalid_bytes", "bytes not valid in " + charset.name() + ", replaced"));
            return finish(new String(bytes, 0, length, charset), charset.name().toLowerCase(Locale.ROOT), warnings);
        }
    }

    /** Decodes a header's raw bytes: UTF-8 when valid (RFC 6532), windows-1252 otherwise. */
    static String headerText(byte[] raw) {
        return headerText(raw, raw.length);
    }

    /** The same for the first {@code length} bytes of {@code raw} (mime4j's own buffer, read without a copy). */
    static String headerText(byte[] raw, int length) {
        if (isAscii(raw, length)) {
            return new String(raw, 0, length, StandardCharsets.ISO_8859_1);
        }
        String utf8 = strictUtf8(raw, length);
        return utf8 != null ? utf8 : new String(raw, 0, length, WINDOWS_1252);
    }

    private static Decoded finish(String text, String charset, Consumer<Warning> warnings) {
        if (text.indexOf('\0') >= 0) {
            warnings.accept(new Warning("nul_removed", "NUL characters removed from the text"));
            text = text.replace("\0", "");
        }
        return new Decoded(text, charset);
    }

    static boolean isAscii(byte[] bytes) {
        return isAscii(bytes, bytes.length);
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasUtf8Bom(byte[] b, int length) {
        return length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    /**
     * The bytes as UTF-8, or null when they are not valid UTF-8. Decoded step by step so that invalid bytes give a
     * result, not an exception: most non-ASCII mail is Latin-1, and an exception per part cost a stack trace each.
     */
    private static String strictUtf8(byte[] bytes, int length) {
        // The JDK's own decoding is the fast one, and it writes U+FFFD for every malformed sequence: with none in
        // its result, the bytes were valid. Only a text holding U+FFFD (replaced, or written as such) is decoded
        // again strictly to tell which.
        String lenient = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(length); // UTF-8 never gives more chars than bytes
        if (decoder.decode(ByteBuffer.wrap(bytes, 0, length), chars, true).isUnderflow()
                && decoder.flush(chars).isUnderflow()) {
            return chars.flip().toString();
        }
        return null;
    }

    private static Charset lookup(String label) {
        if (label == null || label.isEmpty()) {
            return null;
        }
        String name = label.replace("\"", "").strip();
        if (name.equals("us-ascii") || name.equals("ascii") || name.equals("iso-8859-1") || name.equals("latin1")) {
            return WINDOWS_1252; // what senders mean by these in practice (HTML5 does the same)
        }
        Optional<Charset> known = KNOWN.get(name);
        if (known == null) {
            known = forName(name);
            if (KNOWN.size() < MAX_KNOWN) {
                KNOWN.put(name, known);
            }
        }
        return known.orElse(null);
    }

    /**
     * Labels already looked up. The JDK keeps only the last two it was asked for and looks any other up under a
     * lock shared by every thread, so with a few charsets in turn, analysis threads waited for each other there.
     * Labels come from senders: only the first {@link #MAX_KNOWN} are kept.
     */
    private static final Map<String, Optional<Charset>> KNOWN = new ConcurrentHashMap<>();

    private static final int MAX_KNOWN = 256;

    private static Optional<Charset> forName(String name) {
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A charset label is sender-controlled text: keep it short and printable before it goes into a warning. */
    private static String safe(String label) {
        String printable = label.replaceAll("[^A-Za-z0-9._:-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
