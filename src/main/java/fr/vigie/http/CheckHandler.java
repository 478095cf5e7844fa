package fr.vigie.http;

import fr.vigie.app.App;
import fr.vigie.detect.Analysis;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.harmonise.Harmoniser;
import fr.vigie.i18n.Lang;
import fr.vigie.orient.Case;
import fr.vigie.render.CheckJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/check}: the same analysis and the same JSON as {@code vigie check --json}. The message comes as
 * the raw body (text/plain: pasted text; message/rfc822 or application/octet-stream: the bytes of an .eml) or as
 * multipart/form-data with a {@code text} field or a {@code file} upload; a screenshot (image/png, image/jpeg…, or
 * any upload whose bytes are an image) is read by OCR first; {@code lang} and {@code country} come as
 * query parameters or form fields.
 */
final class CheckHandler implements Handler {
    private static final List<String> ANSWER_LANGUAGES = List.of("fr", "en");

    private final App app;
    private final long maxBodyBytes;

    CheckHandler(App app, long maxBodyBytes) {
        this.app = app;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** What the client sent: exactly one of {@code text} (pasted) and {@code bytes} (a file), and its parameters. */
    private record Submission(String text, byte[] bytes, String lang, String country, String minor) {}

    @Override
    public void handle(Context ctx) {
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            throw RequestBody.tooLarge(ctx, maxBodyBytes); // refused before reading a byte of it
        }
        // The raw header: the servlet's content type (and its query parameters) throw on an unknown charset
        String contentType = ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type");
        Charset charset = charset(contentType);
        Submission submission = switch (mediaType(contentType)) {
            case "text/plain" ->
                new Submission(
                        text(readBody(ctx), charset),
                        null,
                        query(ctx, "lang"),
                        query(ctx, "country"),
                        query(ctx, "minor"));
            case "message/rfc822",
                    "application/octet-stream",
                    "image/png",
                    "image/jpeg",
                    "image/gif",
                    "image/bmp",
                    "image/webp" ->
                new Submission(null, readBody(ctx), query(ctx, "lang"), query(ctx, "country"), query(ctx, "minor"));
            case "multipart/form-data" -> multipart(ctx);
            default ->
                throw new HttpError(
                        415,
                        "unsupported_media_type",
                        "send text/plain (pasted text), message/rfc822 or application/octet-stream (an .eml), an image,"
                                + " or multipart/form-data with a 'text' field or a 'file' upload");
        };
        Lang lang = answerLanguage(submission.lang(), ctx.header("Accept-Language"));
        Harmoniser harmoniser = harmoniser(submission.country());
        Harmonised harmonised = submission.text() != null
                ? harmoniser.harmoniseText(submission.text())
                : app.harmoniseFile(harmoniser, submission.bytes());
        boolean minor = minor(submission.minor());
        String country = submission.country() == null
                ? app.config().country()
                : submission.country().toUpperCase(Locale.ROOT);
        Analysis analysis = app.detector().analyse(harmonised, minor, country);
        var orientation = app.router().route(Case.of(analysis, harmonised.kind(), country, minor), lang);
        HttpServer.json(ctx, 200, CheckJson.line(CheckJson.of(harmonised, analysis, orientation, lang)));
    }

    private Submission multipart(Context ctx) {
        Collection<Part> parts = RequestBody.parts(ctx, maxBodyBytes);
        String text = null;
        byte[] bytes = null;
        String lang = query(ctx, "lang");
        String country = query(ctx, "country");
        String minor = query(ctx, "minor");
        int messages = 0;
        for (Part part : parts) {
            switch (part.getName()) {
                case "text" -> {
                    text = text(RequestBody.read(part), partCharset(part));
                    messages++;
                }
                case "file" -> {
                    bytes = RequestBody.read(part);
                    messages++;
                }
                case "lang" -> lang = lang != null ? lang : RequestBody.field(part);
                case "country" -> country = country != null ? country : RequestBody.field(part);
                case "minor" -> minor = minor != null ? minor : RequestBody.field(part);
                default -> {} // unknown fields are ignored, so that a form may carry more than the API reads
            }
        }
        if (messages == 0) {
            throw new HttpError(400, "no_message", "the form has neither a 'text' field nor a 'file' upload");
        }
        if (messages > 1) {
            throw new HttpError(400, "several_messages", "send one message: a 'text' field or a 'file' upload, once");
        }
        return new Submission(text, bytes, lang, country, minor);
    }

    private byte[] readBody(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBodyBytes) {
                throw RequestBody.tooLarge(ctx, maxBodyBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new HttpError(400, "unreadable_body", "the request body could not be read to its end");
        }
    }

    /** A query parameter; empty is absent (a form's unselected choice). */
    private static String query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Pasted text, decoded strictly: a browser sends valid UTF-8, so broken bytes are the client's mistake. */
    static String text(byte[] bytes, Charset charset) {
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HttpError(400, "encoding", "the text is not valid " + charset.name());
        }
        if (text.indexOf('\0') >= 0) {
            throw new HttpError(
                    400, "nul", "the text contains NUL characters; send a file as application/octet-stream");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark is not part of what the person pasted
        }
        if (text.isBlank()) {
            throw new HttpError(400, "empty", "the text is empty");
        }
        return text;
    }

    private static Charset partCharset(Part part) {
        return part.getContentType() == null ? StandardCharsets.UTF_8 : charset(part.getContentType());
    }

    /** The charset parameter of a content type; UTF-8 when there is none. */
    static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String name = pair[1].strip().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new HttpError(415, "unsupported_charset", "the charset of the text is not one Vigie reads");
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** The {@code lang} parameter when given (fr or en), else the best of fr/en in Accept-Language, else French. */
    static Lang answerLanguage(String lang, String acceptLanguage) {
        if (lang != null) {
            return Lang.fromId(lang).orElseThrow(() -> new HttpError(400, "bad_lang", "lang must be fr or en"));
        }
        if (acceptLanguage != null) {
            try {
                String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), ANSWER_LANGUAGES);
                if (tag != null) {
                    return Lang.fromId(tag).orElseThrow();
                }
            } catch (IllegalArgumentException e) {
                // a malformed Accept-Language is only a preference we cannot read: answer in the default language
            }
        }
        return Lang.FR;
    }

    /** {@code minor=true} or {@code false}; absent is false. */
    private static boolean minor(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new HttpError(400, "bad_minor", "minor must be true or false");
        };
    }

    private Harmoniser harmoniser(String country) {
        if (country == null) {
            return app.harmoniser();
        }
        if (!App.isCountry(country)) {
            throw new HttpError(400, "bad_country", "country must be a two-letter ISO 3166 code such as FR or BE");
        }
        return app.harmoniser(country);
    }
}
