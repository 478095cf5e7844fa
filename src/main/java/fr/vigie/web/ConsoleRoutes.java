package fr.vigie.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.access.Access;
import fr.vigie.access.Principal;
import fr.vigie.app.Reports;
import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Identifiers;
import fr.vigie.orient.Case;
import fr.vigie.orient.Priority;
import fr.vigie.orient.PriorityPolicy;
import fr.vigie.report.Report;
import fr.vigie.report.ReportSummary;
import fr.vigie.report.Status;
import fr.vigie.store.ReportFilter;
import fr.vigie.store.Store;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The analysts' console at {@code /console}: sign-in, the priority queue, a report, the campaigns with their graph
 * and timeline, identifier look-up and full-text search. Who may open each page is the access gate's decision (the
 * authorization table); a refusal is a page here, and without a session the way to the sign-in page. Every form
 * carries the session's anti-forgery token, so the console works without scripts; htmx only updates the status panel
 * in place. A report read here is audited like one read through the API.
 */
final class ConsoleRoutes {
    /** The queue ranks this many of the newest reports (of the status asked) by priority. */
    static final int QUEUE_SIZE = 100;
    /** A campaign page lists (and graphs) at most this many of its newest reports. */
    static final int CAMPAIGN_REPORTS = 200;

    static final String SIGN_IN_COOKIE = "vigie_signin";

    private final Reports reports;
    private final Identifiers identifiers;
    private final WebRoutes.Staff staff;
    private final Pages pages;
    private final Clock clock;
    private final Optional<String> oidcProvider;
    private final SecureRandom random = new SecureRandom();

    /** @param oidcProvider the name on the button of OpenID Connect sign-in; empty: no such button */
    ConsoleRoutes(
            Reports reports,
            Identifiers identifiers,
            WebRoutes.Staff staff,
            Pages pages,
            Clock clock,
            Optional<String> oidcProvider) {
        this.reports = reports;
        this.identifiers = identifiers;
        this.staff = staff;
        this.pages = pages;
        this.clock = clock;
        this.oidcProvider = oidcProvider;
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/console/signin", this::signInForm),
                new Endpoint(HandlerType.POST, "/console/signin", this::signIn),
                new Endpoint(HandlerType.POST, "/console/signout", this::signOut),
                new Endpoint(HandlerType.GET, "/console", this::queue),
                new Endpoint(HandlerType.GET, "/console/reports/{id}", this::report),
                new Endpoint(HandlerType.POST, "/console/reports/{id}/status", this::status),
                new Endpoint(HandlerType.GET, "/console/campaigns", this::campaigns),
                new Endpoint(HandlerType.GET, "/console/campaigns/{id}", this::campaign),
                new Endpoint(HandlerType.GET, "/console/campaigns/{id}/graph.json", this::graph),
                new Endpoint(HandlerType.GET, "/console/lookup", this::lookup),
                new Endpoint(HandlerType.GET, "/console/search", this::search));
    }

    // ---- sign-in and sign-out

    /** {@code GET /console/signin}: the form, whoever asks (signing in again as someone else is allowed). */
    private void signInForm(Context ctx) {
        signInPage(ctx, WebRoutes.lang(ctx, null), 200, null);
    }

    private void signInPage(Context ctx, Lang lang, int status, String error) {
        String token = token();
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        SIGN_IN_COOKIE + "=" + token + "; Path=/console/signin; Max-Age=3600; HttpOnly; SameSite=Strict"
                                + secure(ctx));
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", token);
        oidcProvider.ifPresent(name -> params.put("oidc", name));
        if (error != null) {
            params.put("error", error);
        }
        pages.render(ctx, status, "console/signin.jte", page(ctx, lang, "console.title.signin"), params);
    }

    /** {@code POST /console/signin}: name, password, and the token of the sign-in page (against login forgery). */
    private void signIn(Context ctx) {
        Form form = urlencoded(ctx);
        Lang lang = WebRoutes.lang(ctx, form);
        Texts t = Texts.of(lang);
        String sent = form.one("csrf").orElse("");
        String expected = ctx.cookie(SIGN_IN_COOKIE);
        if (expected == null || !MessageDigest.isEqual(bytes(expected), bytes(sent))) {
            signInPage(ctx, lang, 403, t.get("console.signin.expired"));
            return;
        }
        String name = form.one("name").map(String::strip).orElse("");
        String password = form.fields().getOrDefault("password", List.of("")).get(0);
        if (name.isEmpty() || password.isEmpty() || name.length() > 200 || password.length() > Access.MAX_PASSWORD) {
            signInPage(ctx, lang, 400, t.get("console.signin.missing"));
            return;
        }
        OptionalLong wait = staff.signInFailures().waiting(name);
        if (wait.isPresent()) {
            ctx.header("Retry-After", String.valueOf(wait.getAsLong()));
            signInPage(ctx, lang, 429, t.get("console.refused.429", wait.getAsLong()));
            return;
        }
        char[] secret = password.toCharArray();
        Optional<Access.SignedIn> signedIn;
        try {
            signedIn = staff.access().signIn(name, secret);
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
        if (signedIn.isEmpty()) {
            staff.signInFailures().acquire(name);
            signInPage(ctx, lang, 401, t.get("console.signin.refused"));
            return;
        }
        sessionCookies(ctx, signedIn.get());
        ctx.res().addHeader("Set-Cookie", SIGN_IN_COOKIE + "=; Path=/console/signin; Max-Age=0");
        redirect(ctx, "/console?lang=" + lang.id());
    }

    /** The cookies of a session just opened, by password or by OpenID Connect alike. */
    static void sessionCookies(Context ctx, Access.SignedIn signedIn) {
        long seconds = Access.SESSION_LENGTH.toSeconds();
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        Access.SESSION_COOKIE + "=" + signedIn.sessionToken() + "; Path=/; Max-Age=" + seconds
                                + "; HttpOnly; SameSite=Strict" + secure(ctx));
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        Access.CSRF_COOKIE + "=" + signedIn.csrf() + "; Path=/; Max-Age=" + seconds
                                + "; SameSite=Strict" + secure(ctx));
    }

    /**
     * {@code POST /console/signout}: ends the cookie's session when the form carries its token (a forged post cannot
     * sign anyone out), clears the cookies, and goes to the sign-in page. Open to anyone: signing out with a session
     * already over is no error.
     */
    private void signOut(Context ctx) {
        Form form = urlencoded(ctx);
        Lang lang = WebRoutes.lang(ctx, form);
        String token = ctx.cookie(Access.SESSION_COOKIE);
        Optional<Principal.Staff> who = session(ctx);
        if (who.isPresent()) {
            String expected = who.get().csrf().orElse("");
            if (!MessageDigest.isEqual(bytes(expected), bytes(form.one("csrf").orElse("")))) {
                redirect(ctx, "/console?lang=" + lang.id());
                return;
            }
            staff.access().signOut(token, who.get());
        }
        ctx.res().addHeader("Set-Cookie", Access.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.res().addHeader("Set-Cookie", Access.CSRF_COOKIE + "=; Path=/; Max-Age=0; SameSite=Strict");
        redirect(ctx, "/console/signin?lang=" + lang.id());
    }

    // ---- the pages

    /** {@code GET /console?status=}: the newest reports ranked by priority, each with the factors of its score. */
    private void queue(Context ctx) {
        Lang lang = WebRoutes.lang(ctx, null);
        Texts t = Texts.of(lang);
        Optional<Status> status = Optional.ofNullable(ctx.queryParam("status"))
                .filter(s -> !s.isBlank())
                .flatMap(Status::fromId);
        List<ReportSummary> newest = reports.list(
                Optional.empty(),
                new ReportFilter(
                        Optional.empty(), Optional.empty(), Optional.empty(), status, Optional.empty(), QUEUE_SIZE, 0));
        record Ranked(ReportSummary summary, Priority priority) {}
        List<Ranked> ranked = new ArrayList<>();
        for (ReportSummary s : newest) {
            reports.report(s.id()).ifPresent(r -> ranked.add(new Ranked(s, priority(r, lang))));
        }
        ranked.sort(Comparator.comparingInt((Ranked r) -> r.priority().score())
                .reversed()
                .thenComparing(r -> r.summary().receivedAt(), Comparator.reverseOrder()));
        List<ConsoleView.QueueRow> rows = ranked.stream()
                .map(r -> ConsoleView.queueRow(r.summary(), r.priority(), t, lang))
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("filter", status.map(Status::id).orElse(""));
        params.put("statuses", ConsoleView.statuses(t, status.orElse(null)));
        params.put("max", QUEUE_SIZE);
        render(ctx, "console/queue.jte", lang, "console.title.queue", params);
    }

    private Priority priority(Report r, Lang lang) {
        PriorityPolicy policy = PriorityPolicy.DEFAULT;
        // the campaign's reports received in the window (today included, UTC), as the API counts them
        var since = LocalDate.now(clock)
                .minusDays(policy.campaignWindowDays() - 1L)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        int recent = reports.store().recentInCampaign(r.id(), since);
        return Priority.assess(Case.of(r), recent, clock, policy, lang);
    }

    /** {@code GET /console/reports/{id}}: the read is audited under the analyst's name. */
    private void report(Context ctx) {
        Lang lang = WebRoutes.lang(ctx, null);
        Principal.Staff who = signedIn(ctx);
        String id = ctx.pathParam("id");
        Report r = reports.report(id, who.actor()).orElse(null);
        if (r == null) {
            refusalPage(ctx, lang, 404, "no_such_report");
            return;
        }
        ReportPage view = ReportPage.of(r, reports.store().campaignOf(id), priority(r, lang), lang);
        render(ctx, "console/report.jte", lang, "console.title.report", Map.of("report", view));
    }

    /**
     * {@code POST /console/reports/{id}/status} (status, note, csrf): with htmx, the status panel again; without,
     * back to the report page.
     */
    private void status(Context ctx) {
        Form form = urlencoded(ctx);
        Lang lang = WebRoutes.lang(ctx, form);
        Texts t = Texts.of(lang);
        Principal.Staff who = signedIn(ctx);
        String id = ctx.pathParam("id");
        Optional<Status> status = form.one("status").flatMap(Status::fromId);
        String note = form.one("note").map(String::strip).orElse(null);
        String error = status.isEmpty()
                ? t.get("console.status.bad")
                : note != null && note.length() > 2000 ? t.get("console.status.long") : null;
        if (error == null && !reports.store().changeStatus(id, status.get(), who.actor(), note)) {
            refusalPage(ctx, lang, 404, "no_such_report");
            return;
        }
        Report r = reports.report(id).orElse(null);
        if (r == null) {
            refusalPage(ctx, lang, 404, "no_such_report");
            return;
        }
        if (ctx.header("HX-Request") != null) {
            render(
                    ctx,
                    "console/status.jte",
                    lang,
                    "console.title.report",
                    Map.of("panel", ReportPage.status(r, lang, error)));
        } else if (error != null) {
            ReportPage view = ReportPage.of(r, reports.store().campaignOf(id), priority(r, lang), lang);
            render(
                    ctx,
                    400,
                    "console/report.jte",
                    lang,
                    "console.title.report",
                    Map.of("report", withError(view, error)));
        } else {
            redirect(ctx, "/console/reports/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?lang=" + lang.id());
        }
    }

    private static ReportPage withError(ReportPage v, String error) {
        ReportPage.StatusPanel s = v.status();
        return new ReportPage(
                v.id(),
                v.received(),
                v.channel(),
                v.country(),
                v.minor(),
                v.pseudonym(),
                v.verdict(),
                v.score(),
                v.schemes(),
                v.narrative(),
                v.losses(),
                v.campaign(),
                v.priority(),
                v.evidence(),
                v.flags(),
                v.hops(),
                v.identifiers(),
                new ReportPage.StatusPanel(s.reportId(), s.current(), s.choices(), s.history(), error));
    }

    /** {@code GET /console/campaigns?sort=size|recent|losses}. */
    private void campaigns(Context ctx) {
        Lang lang = WebRoutes.lang(ctx, null);
        Texts t = Texts.of(lang);
        String sort = Optional.ofNullable(ctx.queryParam("sort"))
                .filter(List.of("size", "recent", "losses")::contains)
                .orElse("size");
        List<ConsoleView.CampaignRow> rows = reports.store().campaigns(sort, 100, 0).stream()
                .map(c -> ConsoleView.campaignRow(c, t, lang))
                .toList();
        render(ctx, "console/campaigns.jte", lang, "console.title.campaigns", Map.of("rows", rows, "sort", sort));
    }

    /** {@code GET /console/campaigns/{id}}: figures, shared identifiers, reports; the graph and chart load their JSON. */
    private void campaign(Context ctx) {
        Lang lang = WebRoutes.lang(ctx, null);
        Texts t = Texts.of(lang);
        Optional<Store.CampaignFigures> figures = reports.store().campaign(ctx.pathParam("id"), CAMPAIGN_REPORTS);
        if (figures.isEmpty()) {
            refusalPage(ctx, lang, 404, "no_such_campaign");
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", ConsoleView.campaignPage(figures.get(), t, lang));
        params.put("timeline", figures.get().timeline());
        render(ctx, "console/campaign.jte", lang, "console.title.campaign", params);
    }

    /**
     * {@code GET /console/campaigns/{id}/graph.json}: the campaign's reports and shared identifiers as nodes, which
     * report carries which identifier as edges, and the reports per day.
     */
    private void graph(Context ctx) {
        Optional<Store.CampaignFigures> found = reports.store().campaign(ctx.pathParam("id"), CAMPAIGN_REPORTS);
        if (found.isEmpty()) {
            ctx.status(404).contentType("application/json").result("{\"error\":\"no_such_campaign\"}");
            return;
        }
        Store.CampaignFigures c = found.get();
        var shared = c.topIdentifiers().stream().map(Map.Entry::getKey).toList();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", c.id());
        ArrayNode nodes = root.putArray("nodes");
        c.reports()
                .forEach(r -> nodes.addObject()
                        .put("id", r)
                        .put("label", r)
                        .put("type", "report")
                        .put("href", "/console/reports/" + r));
        shared.forEach(i -> nodes.addObject()
                .put("id", i.kind().id() + ":" + i.value())
                .put("label", i.kind().id() + " " + shorten(i.value()))
                .put("type", "identifier"));
        ArrayNode edges = root.putArray("edges");
        reports.store()
                .carriers(c.reports(), shared)
                .forEach(e -> edges.addObject()
                        .put("source", e.getKey())
                        .put(
                                "target",
                                e.getValue().kind().id() + ":" + e.getValue().value()));
        ArrayNode timeline = root.putArray("timeline");
        c.timeline()
                .forEach((day, n) -> timeline.addObject()
                        .put("day", day.toString())
                        .put("t", day.atStartOfDay(ZoneOffset.UTC).toEpochSecond())
                        .put("reports", n));
        ctx.status(200).contentType("application/json").result(root.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String shorten(String value) {
        return value.length() <= 24 ? value : value.substring(0, 22) + "…";
    }

    /** {@code GET /console/lookup?value=&kind=}: what the reports say of one identifier. */
    private void lookup(Context ctx) {
        Lang lang = WebRoutes.lang(ctx, null);
        Texts t = Texts.of(lang);
        String value =
                Optional.ofNullable(ctx.queryParam("value")).map(String::strip).orElse("");
        String kind =
                Optional.ofNullable(ctx.queryParam("kind")).map(String::strip).orElse("");
        Map<String, Object> params = new HashMap<>();
        params.put("value", value);
        int status = 200;
        if (!value.isEmpty()) {
            Optional<Identifier> identifier = value.length() > 500
                    ? Optional.empty()
                    : identifiers
                            .parseAny(value)
                            .filter(i -> kind.isEmpty() || i.kind().id().equals(kind));
            if (identifier.isEmpty()) {
                params.put("error", t.get("console.lookup.unknown"));
                status = 400;
            } else {
                var indicator = reports.store().indicator(identifier.get(), 200);
                params.put("found", ConsoleView.lookup(indicator, null, t, lang));
            }
        }
        render(ctx, status, "console/lookup.jte", lang, "console.title.lookup", params);
    }

    /** {@code GET /console/search?q=&status=}: full-text search over narratives and messages. */
    private void search(Context ctx) {
        Lang lang = WebRoutes.lang(ctx, null);
        Texts t = Texts.of(lang);
        String q = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
        Optional<Status> status = Optional.ofNullable(ctx.queryParam("status"))
                .filter(s -> !s.isBlank())
                .flatMap(Status::fromId);
        Map<String, Object> params = new HashMap<>();
        params.put("q", q);
        params.put("statuses", ConsoleView.statuses(t, status.orElse(null)));
        if (!q.isEmpty() && q.length() <= 500) {
            List<ConsoleView.SearchRow> rows = reports
                    .list(
                            Optional.of(q),
                            new ReportFilter(
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    status,
                                    Optional.empty(),
                                    100,
                                    0))
                    .stream()
                    .map(s -> ConsoleView.searchRow(s, t, lang))
                    .toList();
            params.put("rows", rows);
        }
        render(ctx, "console/search.jte", lang, "console.title.search", params);
    }

    // ---- refusals

    /**
     * A console route refused by the gate or by its handler: without a session, a GET goes to the sign-in page; any
     * other refusal is a page saying why. False for routes that are not the console's pages.
     */
    boolean refusal(Context ctx, int status, String code) {
        String path = ctx.path();
        if (!(path.equals("/console") || path.startsWith("/console/")) || path.endsWith(".json")) {
            return false;
        }
        Lang lang = WebRoutes.lang(ctx, null);
        if (status == 401 && ctx.method() == HandlerType.GET) {
            redirect(ctx, "/console/signin?lang=" + lang.id());
            return true;
        }
        refusalPage(ctx, lang, status, code);
        return true;
    }

    private void refusalPage(Context ctx, Lang lang, int status, String code) {
        Texts t = Texts.of(lang);
        Principal who = staff.principal().apply(ctx);
        String reason = switch (status) {
            case 401 -> t.get("console.refused.401");
            case 403 ->
                code.equals("csrf")
                        ? t.get("console.refused.csrf")
                        : who instanceof Principal.Staff s
                                ? t.get(
                                        "console.refused.role",
                                        s.name(),
                                        t.get("console.role." + s.role().id()))
                                : t.get("console.refused.403");
            case 404 -> t.get("console.refused.404");
            case 429 -> t.get("console.refused.429", ctx.res().getHeader("Retry-After"));
            default -> t.get("console.refused.other");
        };
        Map<String, Object> params = new HashMap<>();
        params.put("reason", reason);
        params.put("user", user(who).orElse(null));
        pages.render(ctx, status, "console/refused.jte", page(ctx, lang, "console.title.refused"), params);
    }

    // ---- helpers

    private void render(Context ctx, String template, Lang lang, String titleKey, Map<String, Object> params) {
        render(ctx, 200, template, lang, titleKey, params);
    }

    private void render(
            Context ctx, int status, String template, Lang lang, String titleKey, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("user", user(staff.principal().apply(ctx)).orElse(null));
        pages.render(ctx, status, template, page(ctx, lang, titleKey), all);
    }

    private static Optional<ConsoleView.User> user(Principal who) {
        return who instanceof Principal.Staff s
                ? Optional.of(
                        new ConsoleView.User(s.name(), s.role().id(), s.csrf().orElse("")))
                : Optional.empty();
    }

    /** The same page in the other language: its address with {@code lang} switched, the rest of the query kept. */
    private Page page(Context ctx, Lang lang, String titleKey) {
        StringBuilder href = new StringBuilder(ctx.path()).append("?lang=").append(lang == Lang.FR ? "en" : "fr");
        if (ctx.method() == HandlerType.GET) {
            ctx.queryParamMap().forEach((name, values) -> {
                if (!name.equals("lang")) {
                    values.forEach(v -> href.append('&')
                            .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                            .append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
                }
            });
        }
        return pages.page(lang, titleKey, href.toString());
    }

    private Principal.Staff signedIn(Context ctx) {
        // the gate let only staff of the table's roles through to these routes
        return (Principal.Staff) staff.principal().apply(ctx);
    }

    private Optional<Principal.Staff> session(Context ctx) {
        String token = ctx.cookie(Access.SESSION_COOKIE);
        return token == null ? Optional.empty() : staff.access().session(token);
    }

    private static Form urlencoded(Context ctx) {
        try {
            return Form.read(ctx, 64 * 1024);
        } catch (fr.vigie.BadInputException e) {
            return new Form(Map.of(), Optional.empty());
        }
    }

    private static void redirect(Context ctx, String location) {
        ctx.header("Location", location);
        ctx.status(303).result("");
    }

    private static String secure(Context ctx) {
        return ctx.req().isSecure() ? "; Secure" : "";
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
