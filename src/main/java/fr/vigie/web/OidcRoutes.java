package fr.vigie.web;

import fr.vigie.access.Access;
import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.oidc.OidcClient;
import fr.vigie.oidc.OidcException;
import fr.vigie.oidc.OidcProblem;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's sign-in through the organisation's OpenID Connect provider: {@code GET /console/oidc/start} sends
 * the browser to the provider with a fresh state, nonce and PKCE challenge (kept in a short-lived HttpOnly cookie),
 * and {@code GET /console/oidc/callback} checks the answer and opens the same session as a password sign-in. Every
 * failure is a page naming the problem, and is audited as a refused sign-in; never a stack trace.
 *
 * <p>The flow's cookie is {@code SameSite=Lax}: the provider sends the browser back by a cross-site navigation,
 * which carries no {@code Strict} cookie. For the same reason the callback answers a page that goes on to the
 * console by itself (a same-site navigation, so the session's {@code Strict} cookie goes with it) instead of a
 * redirect, which browsers would treat as part of the cross-site chain.
 */
final class OidcRoutes {
    static final String FLOW_COOKIE = "vigie_oidc";
    private static final String FLOW_PATH = "/console/oidc";
    /** Ten minutes to sign in at the provider. */
    private static final int FLOW_SECONDS = 600;

    private final Optional<OidcClient> oidc;
    private final Access access;
    private final Pages pages;

    OidcRoutes(Optional<OidcClient> oidc, Access access, Pages pages) {
        this.oidc = oidc;
        this.access = access;
        this.pages = pages;
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/console/oidc/start", this::start),
                new Endpoint(HandlerType.GET, "/console/oidc/callback", this::callback));
    }

    /** The provider's name for the sign-in page's button; empty when this server has no OpenID Connect settings. */
    Optional<String> providerName() {
        return oidc.map(c -> c.settings().providerName());
    }

    /** {@code GET /console/oidc/start}: to the provider's authorization endpoint. */
    private void start(Context ctx) {
        Lang lang = WebRoutes.lang(ctx, null);
        if (oidc.isEmpty()) {
            problem(ctx, lang, OidcProblem.NOT_CONFIGURED);
            return;
        }
        OidcClient.Start start;
        try {
            start = oidc.get().start(lang.id());
        } catch (OidcException e) {
            problem(ctx, lang, e.problem());
            return;
        }
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        FLOW_COOKIE + "=" + start.flow().cookie() + "; Path=" + FLOW_PATH + "; Max-Age=" + FLOW_SECONDS
                                + "; HttpOnly; SameSite=Lax" + secure(ctx));
        ctx.header("Location", start.authorization().toString());
        ctx.status(303).result("");
    }

    /** {@code GET /console/oidc/callback?code=&state=}: the provider's answer, checked; a session, or why not. */
    private void callback(Context ctx) {
        Optional<OidcClient.Flow> flow = OidcClient.Flow.parse(ctx.cookie(FLOW_COOKIE));
        Lang lang = flow.flatMap(f -> Lang.fromId(f.lang())).orElseGet(() -> WebRoutes.lang(ctx, null));
        // the flow serves once, whatever happens next
        ctx.res().addHeader("Set-Cookie", FLOW_COOKIE + "=; Path=" + FLOW_PATH + "; Max-Age=0; HttpOnly; SameSite=Lax");
        if (oidc.isEmpty()) {
            problem(ctx, lang, OidcProblem.NOT_CONFIGURED);
            return;
        }
        OidcClient.Identity who;
        try {
            who = oidc.get().finish(ctx.queryParamMap(), flow);
        } catch (OidcException e) {
            refused(ctx, lang, e.problem());
            return;
        }
        if (who.role().isEmpty()) {
            // a person the unit's groups no longer name keeps no session here either
            access.endOidcSessions(who.identity());
            refused(ctx, lang, OidcProblem.NO_ROLE);
            return;
        }
        Access.OidcSignIn result =
                access.signInOidc(who.identity(), who.name(), who.role().get());
        if (result instanceof Access.OidcSignIn.Refused refused) {
            // already audited by Access
            problem(
                    ctx,
                    lang,
                    switch (refused.why()) {
                        case ACCOUNT_DISABLED -> OidcProblem.ACCOUNT_DISABLED;
                        case NAME_TAKEN -> OidcProblem.NAME_TAKEN;
                    });
            return;
        }
        Access.SignedIn signedIn = ((Access.OidcSignIn.Granted) result).session();
        ConsoleRoutes.sessionCookies(ctx, signedIn);
        String console = "/console?lang=" + lang.id();
        Map<String, Object> params = new HashMap<>();
        params.put("name", signedIn.who().name());
        params.put("role", signedIn.who().role().id());
        params.put("next", console);
        pages.render(
                ctx,
                200,
                "console/oidc.jte",
                pages.page(lang, "console.title.signin", "/console?lang=" + (lang == Lang.FR ? "en" : "fr")),
                params);
    }

    private void refused(Context ctx, Lang lang, OidcProblem problem) {
        access.audit().record("anonymous", "sign-in-refused", "oidc:" + problem.code(), null);
        problem(ctx, lang, problem);
    }

    private void problem(Context ctx, Lang lang, OidcProblem problem) {
        Texts t = Texts.of(lang);
        Map<String, Object> params = new HashMap<>();
        params.put("reason", t.get("console.oidc." + problem.code()));
        params.put("code", problem.code());
        pages.render(
                ctx,
                problem.status(),
                "console/oidcrefused.jte",
                pages.page(lang, "console.title.refused", "/console/signin?lang=" + (lang == Lang.FR ? "en" : "fr")),
                params);
    }

    private static String secure(Context ctx) {
        return ctx.req().isSecure() ? "; Secure" : "";
    }
}
