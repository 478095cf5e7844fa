package fr.vigie.http;

import io.javalin.http.Context;
import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;

/** Reading a request body within a limit: forms, their parts, and the 413 a client can read. */
final class RequestBody {
    private RequestBody() {}

    /** The parts of a multipart/form-data body, all in memory up to the limit (never written to a temp file). */
    static Collection<Part> parts(Context ctx, long maxBodyBytes) {
        int inMemory = (int) Math.min(maxBodyBytes, Integer.MAX_VALUE);
        ctx.req()
                .setAttribute(
                        MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE,
                        new MultipartConfigElement(
                                System.getProperty("java.io.tmpdir"), maxBodyBytes, maxBodyBytes, inMemory));
        try {
            return ctx.req().getParts();
        } catch (IOException | ServletException | RuntimeException e) {
            throw multipartError(ctx, e, maxBodyBytes);
        }
    }

    /**
     * Jetty says "too large" and "malformed" with the same exception types; only the size limit is told apart (by
     * its wording, which is Jetty's and never the client's), everything else is the client's malformed form.
     */
    private static HttpError multipartError(Context ctx, Exception e, long maxBodyBytes) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("exceeded")) {
                return tooLarge(ctx, maxBodyBytes);
            }
        }
        return new HttpError(400, "bad_multipart", "the multipart/form-data body is malformed");
    }

    /** A small form field; empty is absent. */
    static String field(Part part) {
        String value = new String(read(part), StandardCharsets.UTF_8);
        return value.isBlank() ? null : value.strip();
    }

    /** A part is already bounded by the form's limit (Jetty refuses a larger form while parsing it). */
    static byte[] read(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new HttpError(400, "bad_multipart", "a part of the multipart/form-data body could not be read");
        }
    }

    /**
     * The 413, after reading and dropping what is left of the body (at most the limit again): a client still
     * sending would otherwise see its connection reset instead of reading the answer. A client that asked to
     * continue ({@code Expect: 100-continue}) has not sent the body, and never will.
     */
    static HttpError tooLarge(Context ctx, long maxBodyBytes) {
        if (!"100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
            try (InputStream in = ctx.req().getInputStream()) {
                byte[] buffer = new byte[65536];
                long left = maxBodyBytes;
                int n;
                while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                    left -= n;
                }
            } catch (IOException | RuntimeException e) {
                // the client went away or the parser gave up: the answer is the same
            }
        }
        return new HttpError(
                413, "too_large", "the request body is larger than the limit of " + maxBodyBytes + " bytes");
    }
}
