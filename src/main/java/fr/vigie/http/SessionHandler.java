package fr.vigie.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.access.Access;
import fr.vigie.access.Principal;
import fr.vigie.access.RateLimiter;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Browser sign-in: {@code POST /api/session} (name and password, a form or JSON) opens a server-side session and
 * sets two cookies: {@code vigie_session} (HttpOnly, SameSite=Strict, Secure over TLS) and {@code vigie_csrf}
 * (readable by the page, to send back as {@code X-CSRF-Token} on every state-changing request). {@code GET} says who
 * is signed in; {@code DELETE} signs out. Failed sign-ins are counted per account name as well as per client.
 */
final class SessionHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A sign-in body is a name and a password: a few hundred bytes (a longer one is refused unread). */
    private static final long MAX_BODY = 8192;

    private final Access access;
    private final RateLimiter failuresPerName;

    SessionHandler(Access access, RateLimiter failuresPerName) {
        this.access = access;
        this.failuresPerName = failuresPerName;
    }

    /** {@code POST /api/session}. */
    void signIn(Context ctx) {
        String[] credentials = credentials(ctx);
        String name = credentials[0];
        OptionalLong wait = failuresPerName.waiting(name);
        if (wait.isPresent()) {
            throw AccessGate.tooMany(ctx, wait.getAsLong());
        }
        char[] password = credentials[1].toCharArray();
        Optional<Access.SignedIn> signedIn;
        try {
            signedIn = access.signIn(name, password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        if (signedIn.isEmpty()) {
            failuresPerName.acquire(name);
            throw new HttpError(401, "sign_in_refused", "the name or the password is wrong");
        }
        Access.SignedIn s = signedIn.get();
        long seconds = Access.SESSION_LENGTH.toSeconds();
        String secure = ctx.req().isSecure() ? "; Secure" : "";
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        AccessGate.SESSION_COOKIE + "=" + s.sessionToken() + "; Path=/; Max-Age=" + seconds
                                + "; HttpOnly; SameSite=Strict" + secure);
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        AccessGate.CSRF_COOKIE + "=" + s.csrf() + "; Path=/; Max-Age=" + seconds + "; SameSite=Strict"
                                + secure);
        ObjectNode body = who(s.who());
        body.put("expiresAt", s.expiresAt().toString());
        HttpServer.json(ctx, 200, body.toString());
    }

    /** {@code GET /api/session}: who is asking, with which role (and the CSRF token of a session). */
    void current(Context ctx) {
        HttpServer.json(
                ctx, 200, who((Principal.Staff) AccessGate.principal(ctx)).toString());
    }

    /** {@code DELETE /api/session}: ends the session of the cookie and clears both cookies. */
    void signOut(Context ctx) {
        String token = ctx.cookie(AccessGate.SESSION_COOKIE);
        if (token != null && AccessGate.principal(ctx) instanceof Principal.Staff staff) {
            access.signOut(token, staff);
        }
        ctx.res()
                .addHeader("Set-Cookie", AccessGate.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.res().addHeader("Set-Cookie", AccessGate.CSRF_COOKIE + "=; Path=/; Max-Age=0; SameSite=Strict");
        ctx.status(204);
    }

    private static ObjectNode who(Principal.Staff staff) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", staff.name());
        node.put("role", staff.role().id());
        staff.csrf().ifPresent(c -> node.put("csrf", c));
        return node;
    }

    /** Name and password from a urlencoded form or a JSON object. */
    private static String[] credentials(Context ctx) {
        String type = CheckHandler.mediaType(ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type"));
        if (ctx.req().getContentLengthLong() < 0) {
            throw new HttpError(411, "length_required", "send a sign-in with its Content-Length");
        }
        if (ctx.req().getContentLengthLong() > MAX_BODY) {
            throw new HttpError(413, "too_large", "a sign-in is a name and a password");
        }
        String name;
        String password;
        switch (type) {
            case "application/x-www-form-urlencoded" -> {
                try {
                    name = ctx.formParam("name");
                    password = ctx.formParam("password");
                } catch (RuntimeException e) {
                    throw new HttpError(400, "bad_form", "the form body is malformed");
                }
            }
            case "application/json" -> {
                try {
                    byte[] body = ctx.bodyAsBytes();
                    JsonNode node = JSON.readTree(body);
                    name = node != null && node.path("name").isTextual()
                            ? node.get("name").asText()
                            : null;
                    password = node != null && node.path("password").isTextual()
                            ? node.get("password").asText()
                            : null;
                } catch (IOException e) {
                    throw new HttpError(400, "bad_json", "the body is not a JSON object");
                }
            }
            default ->
                throw new HttpError(
                        415, "unsupported_media_type", "send name and password as a form or as a JSON object");
        }
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            throw new HttpError(400, "missing_credentials", "send a name and a password");
        }
        return new String[] {name.strip(), password};
    }
}
