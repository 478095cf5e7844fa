package fr.vigie.harmonise;

import fr.vigie.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The first check on received bytes: read at most the limits allow (so a 50 MB header or a 1 GB upload never sits
 * whole in memory), refuse binary files, and say whether the bytes look like an e-mail.
 */
final class InputGate {
    private InputGate() {}

    /** Reads the stream whole, refusing it as soon as it passes {@code maxMessageBytes} or, for mail, {@code maxHeaderBytes}. */
    static byte[] readBounded(InputStream in, Limits limits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[65536];
        long total = 0;
        HeaderEndScanner headerEnd = new HeaderEndScanner();
        ByteArrayOutputStream head = new ByteArrayOutputStream(4096); // the first bytes, to tell mail from text
        Boolean mailLike = null;
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limits.maxMessageBytes()) {
                    throw new BadInputException(
                            "limit.maxMessageBytes",
                            "the message is larger than the limit of " + limits.maxMessageBytes()
                                    + " bytes (maxMessageBytes)");
                }
                headerEnd.feed(buffer, n);
                if (head.size() < 4096) {
                    head.write(buffer, 0, Math.min(n, 4096 - head.size()));
                }
                if (!headerEnd.found() && total > limits.maxHeaderBytes() && mailLike == null) {
                    mailLike = looksLikeMail(head.toByteArray());
                }
                if (mailLike == Boolean.TRUE && !headerEnd.found()) {
                    throw new BadInputException(
                            "limit.maxHeaderBytes",
                            "the header section is larger than the limit of " + limits.maxHeaderBytes()
                                    + " bytes (maxHeaderBytes)");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the input", e);
        }
        return out.toByteArray();
    }

    /** Refuses bytes that are not text: a NUL-filled or binary file is not a message. */
    static void refuseBinary(byte[] bytes) {
        int sample = Math.min(bytes.length, 16 * 1024);
        int nul = 0;
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                nul++;
            } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
                control++;
            }
        }
        if (sample > 0 && (nul * 100 > sample || (nul + control) * 10 > sample)) {
            throw new BadInputException(
                    "binary",
                    "the input is binary (" + nul + " NUL and " + control + " control bytes in the first " + sample
                            + "), not a message or text");
        }
        if (bytes.length == 0) {
            throw new BadInputException("empty", "the input is empty");
        }
    }

    /**
     * True when the bytes start like an RFC 5322 message: an mbox "From " line, or a first line that is a header
     * field and, among the first lines, a header that every mail carries.
     */
    static boolean looksLikeMail(byte[] bytes) {
        int limit = Math.min(bytes.length, 4096);
        int lineStart = 0;
        for (int line = 0; line < 40 && lineStart < limit; line++) {
            int lineEnd = lineStart;
            while (lineEnd < limit && bytes[lineEnd] != '\n') {
                lineEnd++;
            }
            int end = lineEnd > lineStart && bytes[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (end == lineStart) {
                return false; // the header section ended without a header every mail has
            }
            if (line == 0 && !isFieldLine(bytes, lineStart, end)) {
                return false;
            }
            for (String name : MAIL_HEADERS) {
                if (startsWithIgnoreCase(bytes, lineStart, end, name)) {
                    return true;
                }
            }
            lineStart = lineEnd + 1;
        }
        return false;
    }

    private static final String[] MAIL_HEADERS = {
        "from:", "received:", "subject:", "message-id:", "return-path:", "mime-version:", "date:", "delivered-to:"
    };

    /** RFC 5322 field name (printable ASCII but the colon, at most 76 chars) followed by a colon. */
    private static boolean isFieldLine(byte[] bytes, int start, int end) {
        for (int i = start; i < end && i - start <= 76; i++) {
            int b = bytes[i] & 0xff;
            if (b == ':') {
                return i > start;
            }
            if (b < 33 || b > 126) {
                return false;
            }
        }
        return false;
    }

    private static boolean startsWithIgnoreCase(byte[] bytes, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            int b = bytes[start + k] & 0xff;
            if (Character.toLowerCase(b) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Watches for the blank line that ends the header section, across buffer boundaries. */
    private static final class HeaderEndScanner {
        private int state; // bytes of "\n\r?\n" matched so far
        private boolean found;
        private boolean atStart = true;

        void feed(byte[] buffer, int n) {
            for (int i = 0; i < n && !found; i++) {
                byte b = buffer[i];
                if (atStart && (b == '\n' || b == '\r')) {
                    found = b == '\n'; // an empty first line: no header at all
                }
                atStart = false;
                if (b == '\n') {
                    if (state == 1 || state == 2) {
                        found = true;
                    }
                    state = 1;
                } else if (b == '\r' && state == 1) {
                    state = 2;
                } else if (b != '\r') {
                    state = 0;
                }
            }
        }

        boolean found() {
            return found;
        }
    }
}
