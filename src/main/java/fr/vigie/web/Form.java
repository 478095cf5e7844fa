package fr.vigie.web;

import fr.vigie.BadInputException;
import io.javalin.http.Context;
import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A submitted page form, multipart (with at most one file, {@code file}) or urlencoded, read within the body limit.
 * Every field is text; an empty field is absent.
 */
record Form(Map<String, List<String>> fields, Optional<Upload> file) {

    record Upload(String name, String contentType, byte[] bytes) {}

    Optional<String> one(String name) {
        List<String> values = fields.getOrDefault(name, List.of());
        return values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
    }

    static Form read(Context ctx, long maxBodyBytes) {
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            throw new BadInputException("too_large", "the form is larger than the limit of " + maxBodyBytes + " bytes");
        }
        String contentType = ctx.header("Content-Type") == null
                ? ""
                : ctx.header("Content-Type").toLowerCase(Locale.ROOT);
        Map<String, List<String>> fields = new HashMap<>();
        if (contentType.startsWith("multipart/form-data")) {
            ctx.req()
                    .setAttribute(
                            MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE,
                            new MultipartConfigElement(
                                    System.getProperty("java.io.tmpdir"), maxBodyBytes, maxBodyBytes, (int)
                                            Math.min(maxBodyBytes, Integer.MAX_VALUE)));
            Upload upload = null;
            try {
                for (Part part : ctx.req().getParts()) {
                    byte[] bytes = read(part);
                    if (part.getSubmittedFileName() != null) {
                        if (part.getName().equals("file") && bytes.length > 0) {
                            upload = new Upload(
                                    part.getSubmittedFileName(),
                                    part.getContentType() == null ? "application/octet-stream" : part.getContentType(),
                                    bytes);
                        }
                    } else {
                        fields.computeIfAbsent(part.getName(), k -> new java.util.ArrayList<>())
                                .add(new String(bytes, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException | ServletException | IllegalStateException e) {
                throw new BadInputException("bad_form", "the form could not be read (too large or malformed)");
            }
            return new Form(fields, Optional.ofNullable(upload));
        }
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            try {
                ctx.formParamMap().forEach(fields::put);
            } catch (RuntimeException e) {
                throw new BadInputException("bad_form", "the form could not be read (too large or malformed)");
            }
            return new Form(fields, Optional.empty());
        }
        throw new BadInputException("bad_form", "the page sends forms as multipart/form-data or urlencoded");
    }

    private static byte[] read(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
