package fr.vigie.harmonise;

import fr.vigie.BadInputException;
import fr.vigie.message.Attachment;
import fr.vigie.message.Evidence;
import fr.vigie.message.Header;
import fr.vigie.message.TextPart;
import fr.vigie.message.Warning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptorBuilder;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Walks a MIME message with mime4j's pull parser (no recursion, so nesting costs no stack) under {@link Limits}:
 * the top-level header fields, the text parts decoded to strings, and the other parts as hashed attachments.
 */
final class MimeReader {
    private MimeReader() {}

    record Content(List<Header> headers, List<TextPart> parts, List<Attachment> attachments) {}

    static Content read(byte[] bytes, Limits limits, Consumer<Warning> warnings) {
        MimeConfig config = MimeConfig.custom()
                .setMaxLineLen(limits.maxLineLength())
                .setMaxHeaderCount(limits.maxHeaderCount())
                .setMaxHeaderLen(limits.maxHeaderBytes())
                .setMaxContentLen(-1)
                .setStrictParsing(false)
                .build();
        MimeTokenStream stream = new MimeTokenStream(
                config, DecodeMonitor.SILENT, (BodyDescriptorBuilder) null /* mime4j's light default descriptor */);
        Walk walk = new Walk(limits, warnings);
        try {
            stream.parse(new ByteArrayInputStream(bytes));
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                walk.on(state, stream);
            }
        } catch (MimeException | IOException e) {
            throw translate(e, limits);
        }
        return new Content(List.copyOf(walk.headers), List.copyOf(walk.parts), List.copyOf(walk.attachments));
    }

    /** mime4j reports its limits as exceptions, sometimes wrapped: name the limit that was hit. */
    private static BadInputException translate(Exception e, Limits limits) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MaxHeaderLimitException) {
                return limit("maxHeaderCount", "a header section has more than " + limits.maxHeaderCount() + " fields");
            }
            if (t instanceof MaxHeaderLengthLimitException) {
                return limit("maxHeaderBytes", "a header field is longer than " + limits.maxHeaderBytes() + " bytes");
            }
            if (t instanceof MaxLineLimitException) {
                return limit("maxLineLength", "a line is longer than " + limits.maxLineLength() + " bytes");
            }
        }
        return new BadInputException(
                "mime", "the MIME structure cannot be read (" + e.getClass().getSimpleName() + ")");
    }

    static BadInputException limit(String name, String what) {
        return new BadInputException("limit." + name, what + " (" + name + ")");
    }

    /**
     * What the current entity's own fields say about it being an attachment. Read from the raw fields because
     * mime4j's full descriptor runs a generated parser per field, which costs more than the rest of the walk.
     */
    private static final class EntityFields {
        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
                "(?i)(?:^|;)\\s*(?:file)?name\\*?(?:\\*0\\*?)?\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]*))");
        boolean attachment;
        String filename;

        void see(Field field) {
            String name = field.getName();
            if (name.equalsIgnoreCase("Content-Disposition")) {
                String body = field.getBody().strip();
                attachment |= body.regionMatches(true, 0, "attachment", 0, 10);
                filename = filename(body, filename);
            } else if (name.equalsIgnoreCase("Content-Type") && filename == null) {
                filename = filename(field.getBody(), null);
            }
        }

        private static String filename(String body, String fallback) {
            java.util.regex.Matcher m = NAME.matcher(MimeUtil.unfold(body));
            if (!m.find()) {
                return fallback;
            }
            String value = m.group(1) != null ? m.group(1) : m.group(2);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    /** The state of one walk through the token stream. */
    private static final class Walk {
        private final Limits limits;
        private final Consumer<Warning> warnings;
        final List<Header> headers = new ArrayList<>();
        final List<TextPart> parts = new ArrayList<>();
        final List<Attachment> attachments = new ArrayList<>();
        private int depth;
        private int entities;
        private boolean topHeaderDone;
        private long textBytes;
        private EntityFields entity = new EntityFields();

        Walk(Limits limits, Consumer<Warning> warnings) {
            this.limits = limits;
            this.warnings = warnings;
        }

        void on(EntityState state, MimeTokenStream stream) throws IOException {
            switch (state) {
                case T_START_MESSAGE, T_START_MULTIPART -> enter();
                case T_START_HEADER -> entity = new EntityFields();
                case T_END_MESSAGE, T_END_MULTIPART -> depth--;
                case T_START_BODYPART -> countEntity();
                case T_FIELD -> {
                    Field field = stream.getField();
                    if (!topHeaderDone) {
                        headers.add(header(headers.size(), field));
                    }
                    entity.see(field);
                }
                case T_END_HEADER -> topHeaderDone = true;
                case T_BODY -> body(stream.getBodyDescriptor(), stream.getDecodedInputStream());
                default -> {}
            }
        }

        private void enter() {
            depth++;
            if (depth > limits.maxDepth()) {
                throw limit("maxDepth", "multiparts or attached messages are nested deeper than " + limits.maxDepth());
            }
        }

        private void countEntity() {
            entities++;
            if (entities > limits.maxParts()) {
                throw limit("maxParts", "the message has more than " + limits.maxParts() + " MIME parts");
            }
        }

        private void body(BodyDescriptor descriptor, InputStream decoded) throws IOException {
            String mimeType = descriptor.getMimeType() == null
                    ? "text/plain"
                    : descriptor.getMimeType().toLowerCase(Locale.ROOT);
            String filename = entity.filename;
            boolean attached = entity.attachment || filename != null;
            boolean readable = mimeType.equals("text/plain") || mimeType.equals("text/html");
            if (readable && !attached) {
                text(mimeType, descriptor.getCharset(), decoded);
            } else {
                attachment(filename, mimeType, decoded);
            }
        }

        private void text(String mimeType, String charset, InputStream decoded) throws IOException {
            long budget = limits.maxTextBytes() - textBytes;
            // Read straight into one array that grows, and is cut to size once: no second buffer to copy from.
            byte[] read = new byte[16384];
            int size = 0;
            int n;
            while ((n = decoded.read(read, size, Math.min(read.length - size, 16384))) != -1) {
                if (size + (long) n > budget) {
                    throw limit("maxTextBytes", "the decoded text is larger than " + limits.maxTextBytes() + " bytes");
                }
                size += n;
                if (size == read.length) {
                    read = java.util.Arrays.copyOf(read, read.length * 2);
                }
            }
            textBytes += size;
            Charsets.Decoded decodedText = Charsets.decode(read, size, charset, warnings);
            int index = parts.size() + 1;
            if (mimeType.equals("text/html")) {
                HtmlText.Rendered rendered = HtmlText.render(decodedText.text());
                parts.add(
                        new TextPart(index, mimeType, decodedText.charset(), true, rendered.text(), rendered.links()));
            } else {
                parts.add(new TextPart(index, mimeType, decodedText.charset(), false, decodedText.text(), List.of()));
            }
        }

        private void attachment(String filename, String mimeType, InputStream decoded) throws IOException {
            MessageDigest digest = Evidence.digest();
            byte[] buffer = new byte[16384];
            long size = 0;
            int n;
            while ((n = decoded.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
                size += n;
            }
            String name = filename == null ? null : EncodedWords.decode(filename);
            attachments.add(new Attachment(name, mimeType, size, HexFormat.of().formatHex(digest.digest())));
        }

        private static Header header(int index, Field field) {
            ByteSequence raw = field.getRaw();
            String rawText = raw instanceof ByteArrayBuffer buffer
                    ? Charsets.headerText(buffer.buffer(), buffer.length()) // mime4j's bytes, not a copy of them
                    : raw != null ? Charsets.headerText(raw.toByteArray()) : field.getName() + ": " + field.getBody();
            int colon = rawText.indexOf(':');
            String name = colon > 0 ? rawText.substring(0, colon).strip() : field.getName();
            String rawValue = colon > 0 ? rawText.substring(colon + 1) : field.getBody();
            String unfolded = MimeUtil.unfold(rawValue).strip();
            String value = unfolded;
            if (unfolded.contains("=?")) {
                try {
                    value = EncodedWords.decode(unfolded);
                } catch (IllegalArgumentException e) {
                    value = unfolded;
                }
            }
            return new Header(index, name, value.replace("\0", ""), rawValue);
        }
    }
}
