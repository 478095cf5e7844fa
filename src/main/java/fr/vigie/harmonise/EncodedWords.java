package fr.vigie.harmonise;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) in a header value, decoded with the same result as mime4j
 * 0.8.14's {@code DecoderUtil.decodeEncodedWords} (adjacent words of one charset are joined before their bytes
 * become text, whitespace between words is dropped, a word in an unknown charset stays as written).
 *
 * <p>Why not mime4j's own: it decodes each word through a chain of streams, and mail relayed by Microsoft carries
 * headers of a hundred encoded words (X-Microsoft-Antispam-Message-Info), which made header decoding a tenth of
 * harmonisation. Here the words whose text is plainly well-formed are decoded directly; a header with any other
 * word (a stray space, a lower-case escape, bad padding) is handed whole to mime4j, so its lenient repairs stay
 * exactly its own. {@code EncodedWordsTest} compares both on tricky and random values.
 */
final class EncodedWords {
    private EncodedWords() {}

    static String decode(String value) {
        String fast = decodeWellFormed(value);
        return fast != null ? fast : DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
    }

    /** The decoded value, or null when a word is not plainly well-formed (mime4j then decides). */
    private static String decodeWellFormed(String value) {
        Bytes pending = new Bytes(value.length());
        StringBuilder decoded = new StringBuilder(value.length());
        int position = 0;
        String charsetName = "";
        String encoding = "";
        while (position < value.length()) {
            int start = value.indexOf("=?", position);
            if (start < 0) {
                if (position == 0) {
                    return value;
                }
                flush(pending, charsetName, decoded);
                decoded.append(value, position, value.length());
                return decoded.toString();
            }
            int charsetEnd = value.indexOf('?', start + 2);
            int encodingEnd = charsetEnd < 0 ? -1 : value.indexOf('?', charsetEnd + 1);
            int textEnd = encodingEnd < 0 ? -1 : value.indexOf("?=", encodingEnd + 1);
            if (textEnd < 0) { // not a word: kept as written
                flush(pending, charsetName, decoded);
                decoded.append(value, position, start + 2);
                position = start + 2;
                continue;
            }
            String separator = value.substring(position, start);
            if (!separator.isEmpty() && (position == 0 || !CharsetUtil.isWhitespace(separator))) {
                flush(pending, charsetName, decoded);
                decoded.append(separator);
            }
            String wordCharset = value.substring(start + 2, charsetEnd);
            String wordEncoding = value.substring(charsetEnd + 1, encodingEnd);
            if ((!charsetName.isEmpty() && !wordCharset.equals(charsetName))
                    || (!encoding.isEmpty() && !wordEncoding.equals(encoding))) {
                flush(pending, charsetName, decoded);
            }
            charsetName = wordCharset;
            encoding = wordEncoding;
            position = textEnd + 2;
            if (textEnd == encodingEnd + 1) {
                continue; // an empty word decodes to nothing
            }
            if (CharsetUtil.lookup(wordCharset) == null) {
                return null;
            }
            boolean written = wordEncoding.equalsIgnoreCase("B")
                    ? base64(value, encodingEnd + 1, textEnd, pending)
                    : wordEncoding.equalsIgnoreCase("Q") && quoted(value, encodingEnd + 1, textEnd, pending);
            if (!written) {
                return null;
            }
        }
        flush(pending, charsetName, decoded);
        return decoded.toString();
    }

    private static void flush(Bytes pending, String charsetName, StringBuilder decoded) {
        if (pending.length > 0) {
            decoded.append(new String(pending.bytes, 0, pending.length, CharsetUtil.lookup(charsetName)));
            pending.length = 0;
        }
    }

    /** Base64 of whole quanta, padded only at the end: decoded into {@code out}; false for anything else. */
    private static boolean base64(String value, int from, int to, Bytes out) {
        int length = to - from;
        if (length % 4 != 0) {
            return false;
        }
        int padding = value.charAt(to - 1) == '=' ? (value.charAt(to - 2) == '=' ? 2 : 1) : 0;
        int bits = 0;
        int count = 0;
        for (int i = from; i < to - padding; i++) {
            int sextet = sextet(value.charAt(i));
            if (sextet < 0) {
                return false;
            }
            bits = bits << 6 | sextet;
            if (++count == 4) {
                out.write(bits >> 16);
                out.write(bits >> 8);
                out.write(bits);
                bits = 0;
                count = 0;
            }
        }
        if (count == 3) {
            out.write(bits >> 10);
            out.write(bits >> 2);
        } else if (count == 2) {
            out.write(bits >> 4);
        } else if (count == 1) {
            return false;
        }
        return true;
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    /** RFC 2047 Q: printable ASCII, {@code _} for a space, {@code =XX} in upper-case hex; false for anything else. */
    private static boolean quoted(String value, int from, int to, Bytes out) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=') {
                if (i + 2 >= to) {
                    return false;
                }
                int high = hex(value.charAt(i + 1));
                int low = hex(value.charAt(i + 2));
                if (high < 0 || low < 0) {
                    return false;
                }
                out.write(high << 4 | low);
                i += 2;
            } else if (c > ' ' && c < 127) {
                out.write(c);
            } else {
                return false;
            }
        }
        return true;
    }

    /** The bytes of adjacent words not yet turned into text (a plain array: no lock per byte). */
    private static final class Bytes {
        byte[] bytes;
        int length;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        void write(int b) {
            if (length == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(16, length * 2));
            }
            bytes[length++] = (byte) b;
        }
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
