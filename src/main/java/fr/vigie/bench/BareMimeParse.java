package fr.vigie.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptorBuilder;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.jsoup.Jsoup;

/**
 * The baseline of the benchmarks: what any tool must do at the least to get a mail's text — mime4j parses it,
 * each text part is decoded with its declared charset, HTML is reduced to text by jsoup. No limits, no headers
 * read, no identifiers.
 */
final class BareMimeParse {
    private BareMimeParse() {}

    /** Returns the number of text characters extracted, so the work cannot be optimised away. */
    static long extract(byte[] message) {
        MimeTokenStream stream =
                new MimeTokenStream(MimeConfig.PERMISSIVE, DecodeMonitor.SILENT, (BodyDescriptorBuilder)
                        null /* mime4j's light default descriptor */);
        long chars = 0;
        try {
            stream.parse(new ByteArrayInputStream(message));
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                if (state == EntityState.T_BODY) {
                    chars += text(stream.getBodyDescriptor(), stream.getDecodedInputStream());
                }
            }
        } catch (IOException | MimeException e) {
            return chars;
        }
        return chars;
    }

    private static long text(BodyDescriptor descriptor, InputStream decoded) throws IOException {
        String mime = descriptor.getMimeType();
        if (!"text/plain".equalsIgnoreCase(mime) && !"text/html".equalsIgnoreCase(mime)) {
            decoded.transferTo(java.io.OutputStream.nullOutputStream());
            return 0;
        }
        String text = new String(decoded.readAllBytes(), charset(descriptor.getCharset()));
        if ("text/html".equalsIgnoreCase(mime)) {
            text = Jsoup.parse(text).text();
        }
        return text.length();
    }

    private static Charset charset(String name) {
        try {
            return name != null && Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.ISO_8859_1;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
