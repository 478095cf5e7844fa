package fr.vigie.http;

import fr.vigie.access.Access;
import fr.vigie.access.Permissions;
import fr.vigie.access.Principal;
import fr.vigie.access.RateLimiter;
import fr.vigie.access.Role;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Wraps every route in its entry of the authorization table: who is asking (an API key, a session cookie, a
 * follow-up token, or nobody), whether the table lets them in, the CSRF token of a state-changing request made with
 * the session cookie, and the per-client rate limit of the public routes. Refusals: 401 without credentials (or
 * with a key that is unknown or revoked), 403 with credentials that do not reach, 429 with {@code Retry-After}.
 * A follow-up token passes where the table says {@code victim}; the route itself checks it opens that report.
 */
final class AccessGate {
    static final String SESSION_COOKIE = Access.SESSION_COOKIE;
    static final String CSRF_COOKIE = Access.CSRF_COOKIE;
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "csrf";
    private static final String PRINCIPAL = "vigie.principal";

    private final Access access;
    private final Permissions permissions;
    private final Map<String, RateLimiter> limits;

    /** @param limits per-client limiters by route ({@code POST /api/check}); a route without one is not limited */
    AccessGate(Access access, Permissions permissions, Map<String, RateLimiter> limits) {
        this.access = access;
        this.permissions = permissions;
        this.limits = Map.copyOf(limits);
    }

    /** The route's handler behind its entry; the table must have one (the server checks all routes at start). */
    Handler guard(String method, String path, Handler handler) {
        Permissions.Entry entry = permissions
                .route(method, path)
                .orElseThrow(() -> new IllegalStateException(method + " " + path + " has no permission entry"));
        RateLimiter limiter = limits.get(method + " " + path);
        return ctx -> {
            if (limiter != null) {
                OptionalLong wait = limiter.acquire(client(ctx));
                if (wait.isPresent()) {
                    throw tooMany(ctx, wait.getAsLong());
                }
            }
            if (!entry.anyone()) {
                // a route open to anyone reads no credentials: a stale cookie or a bad key cannot make it fail
                Principal principal = credentials(ctx);
                ctx.attribute(PRINCIPAL, principal); // known to a refusal page too (who is refused)
                authorize(ctx, entry, principal);
            }
            handler.handle(ctx);
        };
    }

    /** Who the gate let through (anonymous on a route open to anyone, whatever was sent). */
    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        return p == null ? new Principal.Anonymous() : p;
    }

    /** The client a rate limit counts: its address as the connection shows it (see docs/SECURITY.md for proxies). */
    static String client(Context ctx) {
        return ctx.req().getRemoteAddr();
    }

    static HttpError tooMany(Context ctx, long seconds) {
        ctx.header("Retry-After", String.valueOf(seconds));
        return new HttpError(429, "rate_limited", "too many requests from this client; try again in " + seconds + " s");
    }

    private void authorize(Context ctx, Permissions.Entry entry, Principal principal) {
        switch (principal) {
            case Principal.Anonymous a ->
                throw new HttpError(
                        401,
                        "unauthorized",
                        "sign in (POST /api/session), or send an API key or the report's follow-up token: "
                                + "Authorization: Bearer …");
            case Principal.FollowUpToken t -> {
                if (!entry.allows(Role.VICTIM)) {
                    throw forbidden();
                }
            }
            case Principal.Staff s -> {
                if (!entry.allows(s.role())) {
                    throw forbidden();
                }
                if (s.csrf().isPresent()
                        && changesState(ctx)
                        && !csrfMatches(ctx, s.csrf().get())) {
                    throw new HttpError(
                            403,
                            "csrf",
                            "a request made with the session cookie carries its " + CSRF_HEADER + " header");
                }
            }
        }
    }

    /** Who the request's credentials name; a key that is unknown or revoked is refused here. */
    private Principal credentials(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            String bearer = bearer(header);
            if (bearer == null) {
                throw new HttpError(401, "unauthorized", "the Authorization header is not 'Bearer …'");
            }
            if (Access.looksLikeApiKey(bearer)) {
                return access.apiKey(bearer)
                        .<Principal>map(p -> p)
                        .orElseThrow(() -> new HttpError(401, "bad_key", "this API key is unknown or revoked"));
            }
            return new Principal.FollowUpToken(bearer);
        }
        String session = ctx.cookie(SESSION_COOKIE);
        if (session != null) {
            Optional<Principal.Staff> staff = access.session(session);
            if (staff.isPresent()) {
                return staff.get();
            }
        }
        return new Principal.Anonymous();
    }

    private static boolean changesState(Context ctx) {
        String method = ctx.method().name();
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /**
     * The token in the {@value #CSRF_HEADER} header (scripts), or in the {@value #CSRF_FIELD} field of a urlencoded
     * form (the console's forms, which work without scripts).
     */
    private static boolean csrfMatches(Context ctx, String expected) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && isUrlencoded(ctx)) {
            try {
                sent = ctx.formParam(CSRF_FIELD);
            } catch (RuntimeException e) {
                sent = null; // a malformed form carries no token
            }
        }
        return sent != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isUrlencoded(Context ctx) {
        String type = ctx.header("Content-Type");
        return type != null && CheckHandler.mediaType(type).equals("application/x-www-form-urlencoded");
    }

    private static HttpError forbidden() {
        return new HttpError(403, "forbidden", "your role may not use this route");
    }

    private static String bearer(String header) {
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() || token.length() > 200 ? null : token;
    }
}
