package fr.vigie.forensics;

import fr.vigie.message.Header;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/** Test helper: a header block (up to the first empty line) as {@link Header}s, unfolded and RFC 2047-decoded. */
final class HeaderBlocks {
    private HeaderBlocks() {}

    static List<Header> parse(String message) {
        List<Header> headers = new ArrayList<>();
        StringBuilder field = null;
        for (String line : message.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (continuation && field != null) {
                field.append("\r\n").append(line);
                continue;
            }
            if (field != null) {
                add(headers, field.toString());
            }
            field = new StringBuilder(line);
        }
        if (field != null) {
            add(headers, field.toString());
        }
        return headers;
    }

    private static void add(List<Header> headers, String field) {
        int colon = field.indexOf(':');
        if (colon <= 0) {
            return; // not a header field (an mbox "From " line, garbage): a real parser would skip it too
        }
        String raw = field.substring(colon + 1);
        String unfolded = raw.replaceAll("\r\n", "").strip();
        String value = DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT);
        headers.add(new Header(headers.size(), field.substring(0, colon).strip(), value, raw));
    }

    static String resource(String name) {
        try (InputStream in = HeaderBlocks.class.getResourceAsStream("/forensics/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
