package fr.vigie.http;

import static fr.vigie.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.access.Permissions;
import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.http.TestServer.Field;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of the authorization table, called by every kind of caller against the real server, answers what
 * the table says: the route's success for a role it lists, 401 without credentials, 403 for a role it does not
 * list, and for a report's own routes 404 with another report's token (like an unknown id). Callers: nobody, the
 * report's own follow-up token, another report's token, and each staff role both signed in (cookie and CSRF
 * header) and as a service account's API key.
 */
class AuthorizationMatrixTest {
    static TestServer server;
    static String id;
    static String token;
    static String otherToken;
    static String campaign;
    static final AtomicInteger SUBMISSIONS = new AtomicInteger();

    /** A caller: how its requests are dressed, and what the table calls it. */
    record Caller(
            String name, Role role, boolean ownToken, java.util.function.UnaryOperator<HttpRequest.Builder> dress) {}

    /** A request that succeeds on each route for a caller who may use it, and the status it then answers. */
    record Sample(int ok, java.util.function.Supplier<HttpRequest.Builder> request) {}

    @BeforeAll
    static void start() {
        App app = new App(Config.defaults().withRateLimits(new Config.RateLimits(0, 0, 0, Duration.ofMinutes(1))));
        server = new TestServer(app, 1 << 20, List.of());
        var created = json(server.postForm(
                "/api/reports",
                Field.text("narrative", "matrix"),
                Field.text("identifier", "FR76 3000 6000 0112 3456 7890 189"),
                Field.text("contact_email", "victime@example.fr"),
                new Field("evidence", "capture.txt", "Payez 450 euros en coupons".getBytes(StandardCharsets.UTF_8))));
        id = created.get("id").asText();
        token = created.get("token").asText();
        otherToken = json(server.post(
                        "/api/reports",
                        "application/x-www-form-urlencoded",
                        "narrative=autre&identifier=FR7630006000011234567890189".getBytes(StandardCharsets.UTF_8)))
                .get("token")
                .asText();
        String analyst = server.key(Role.ANALYST);
        var report = json(server.send(HttpRequest.newBuilder(server.base.resolve("/api/reports/" + id))
                .header("Authorization", "Bearer " + analyst)));
        campaign = report.get("campaign").get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Sample> samples() {
        String form = "application/x-www-form-urlencoded";
        Map<String, Sample> s = new LinkedHashMap<>();
        s.put("POST /api/check", new Sample(200, () -> post("/api/check", "text/plain", "Votre colis est bloqué")));
        s.put(
                "POST /api/reports",
                new Sample(201, () -> post("/api/reports", form, "narrative=n" + SUBMISSIONS.incrementAndGet())));
        s.put("GET /api/reports", new Sample(200, () -> get("/api/reports")));
        s.put("GET /api/reports/{id}", new Sample(200, () -> get("/api/reports/" + id)));
        s.put("GET /api/reports/{id}/evidence/{seq}", new Sample(200, () -> get("/api/reports/" + id + "/evidence/0")));
        s.put("GET /api/reports/{id}/dossier.pdf", new Sample(200, () -> get("/api/reports/" + id + "/dossier.pdf")));
        s.put(
                "POST /api/reports/{id}/status",
                new Sample(200, () -> post("/api/reports/" + id + "/status", form, "status=triaged")));
        s.put(
                "POST /api/reports/{id}/reveal",
                new Sample(
                        200,
                        () -> post("/api/reports/" + id + "/reveal", form, "reason=Requisition+judiciaire+2026-117")));
        s.put(
                "GET /api/indicators/{kind}/{value}",
                new Sample(200, () -> get("/api/indicators/iban/FR7630006000011234567890189")));
        s.put("GET /api/campaigns", new Sample(200, () -> get("/api/campaigns")));
        s.put("GET /api/campaigns/{id}", new Sample(200, () -> get("/api/campaigns/" + campaign)));
        String subject = "by=report&value=" + id + "&reason=Demande+d%27acces+2026-12";
        s.put("POST /api/subjects/find", new Sample(200, () -> post("/api/subjects/find", form, subject)));
        s.put("POST /api/subjects/export", new Sample(200, () -> post("/api/subjects/export", form, subject)));
        // rectify and erase reach a subject nobody is: the answer (404) shows the request got through, and the
        // report the other samples read stays whole
        String nobody = "by=email&value=personne%40example.org&reason=Demande+2026-13";
        s.put(
                "POST /api/subjects/rectify",
                new Sample(404, () -> post("/api/subjects/rectify", form, nobody + "&phone=0612345678")));
        s.put("POST /api/subjects/erase", new Sample(404, () -> post("/api/subjects/erase", form, nobody)));
        s.put(
                "GET /api/campaigns/{id}/dossier.pdf",
                new Sample(200, () -> get("/api/campaigns/" + campaign + "/dossier.pdf")));
        s.put("GET /health", new Sample(200, () -> get("/health")));
        s.put("GET /metrics", new Sample(200, () -> get("/metrics")));
        s.put("GET /api/openapi.json", new Sample(200, () -> get("/api/openapi.json")));
        s.put("GET /api/session", new Sample(200, () -> get("/api/session")));
        // the pages (fr.vigie.web): open to anyone, as the API routes they stand for
        s.put("GET /", new Sample(200, () -> get("/")));
        s.put("POST /check", new Sample(200, () -> post("/check", form, "text=Votre+colis+est+bloqu%C3%A9")));
        s.put("GET /report", new Sample(200, () -> get("/report")));
        s.put(
                "POST /report",
                new Sample(201, () -> post("/report", form, "narrative=page" + SUBMISSIONS.incrementAndGet())));
        s.put(
                "POST /report/dossier",
                new Sample(200, () -> post("/report/dossier", form, "id=" + id + "&token=" + token)));
        s.put("GET /follow", new Sample(200, () -> get("/follow")));
        s.put("POST /follow", new Sample(200, () -> post("/follow", form, "id=" + id + "&token=" + token)));
        s.put("GET /assets/{name}", new Sample(200, () -> get(stylesheet())));
        // the console (fr.vigie.web): its pages answer a redirect to the sign-in page where the API answers 401
        s.put("GET /console/signin", new Sample(200, () -> get("/console/signin")));
        s.put(
                "POST /console/signin",
                new Sample(
                        303,
                        () -> post(
                                        "/console/signin",
                                        form,
                                        "csrf=matrix&name=matrix-admin&password="
                                                + TestServer.PASSWORD.replace(' ', '+'))
                                .header("Cookie", "vigie_signin=matrix")));
        // without the session's token in the form, signing out ends nothing (the callers' sessions go on)
        s.put("POST /console/signout", new Sample(303, () -> post("/console/signout", form, "lang=fr")));
        // OpenID Connect sign-in is not configured on this server: open to anyone, both answer the page saying so
        // (OidcSignInTest runs them against a provider)
        s.put("GET /console/oidc/start", new Sample(404, () -> get("/console/oidc/start")));
        s.put("GET /console/oidc/callback", new Sample(404, () -> get("/console/oidc/callback?code=c&state=s")));
        s.put("GET /console", new Sample(200, () -> get("/console")));
        s.put("GET /console/reports/{id}", new Sample(200, () -> get("/console/reports/" + id)));
        s.put(
                "POST /console/reports/{id}/status",
                new Sample(303, () -> post("/console/reports/" + id + "/status", form, "status=triaged")));
        s.put("GET /console/campaigns", new Sample(200, () -> get("/console/campaigns")));
        s.put("GET /console/campaigns/{id}", new Sample(200, () -> get("/console/campaigns/" + campaign)));
        s.put(
                "GET /console/campaigns/{id}/graph.json",
                new Sample(200, () -> get("/console/campaigns/" + campaign + "/graph.json")));
        s.put("GET /console/lookup", new Sample(200, () -> get("/console/lookup?value=FR7630006000011234567890189")));
        s.put("GET /console/search", new Sample(200, () -> get("/console/search?q=coupons")));
        s.put(
                "POST /api/session",
                new Sample(
                        200,
                        () -> post(
                                "/api/session",
                                form,
                                "name=matrix-admin&password=" + TestServer.PASSWORD.replace(' ', '+'))));
        // last: it ends the session the signed-in callers use
        s.put(
                "DELETE /api/session",
                new Sample(
                        204,
                        () -> HttpRequest.newBuilder(server.base.resolve("/api/session"))
                                .DELETE()));
        return s;
    }

    /** The check page's style sheet address (named by its digest). */
    static String stylesheet() {
        var page = server.get("/").body();
        var m = java.util.regex.Pattern.compile("href=\"(/assets/[^\"]+\\.css)\"")
                .matcher(page);
        return m.find() ? m.group(1) : "/assets/missing.css";
    }

    @Test
    void everyRouteAnswersEveryCallerAsThePermissionTableSays() {
        Permissions table = Permissions.bundled();
        Map<String, Sample> samples = samples();
        assertThat(samples.keySet()).as("a sample request for every route").hasSameElementsAs(table.routes());
        fr.vigie.access.Access.of(server.reports.store().accounts())
                .addUser("matrix-admin", Role.ADMIN, TestServer.PASSWORD.toCharArray(), "test");

        Map<String, Integer> expected = new TreeMap<>();
        Map<String, Integer> actual = new TreeMap<>();
        for (Caller caller : callers()) {
            for (var route : samples.entrySet()) {
                Permissions.Entry entry = table.route(
                                route.getKey().split(" ")[0], route.getKey().split(" ")[1])
                        .orElseThrow();
                String cell = String.format("%-26s %s", caller.name(), route.getKey());
                expected.put(cell, expect(entry, caller, route.getValue().ok(), route.getKey()));
                actual.put(
                        cell,
                        server.send(caller.dress()
                                        .apply(route.getValue().request().get()))
                                .statusCode());
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * What the table says this caller gets from a route whose success is {@code ok}: without credentials, a console
     * page sends the browser to the sign-in page (303) where the API answers 401.
     */
    static int expect(Permissions.Entry entry, Caller caller, int ok, String route) {
        if (entry.anyone()) {
            return ok;
        }
        if (caller.role() == null) {
            return route.startsWith("GET /console") && !route.endsWith(".json") ? 303 : 401;
        }
        if (!entry.allows(caller.role())) {
            return 403;
        }
        return caller.role() == Role.VICTIM && !caller.ownToken() ? 404 : ok;
    }

    static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("anonymous", null, false, b -> b));
        callers.add(
                new Caller("victim (own token)", Role.VICTIM, true, b -> b.header("Authorization", "Bearer " + token)));
        callers.add(new Caller(
                "victim (another's token)",
                Role.VICTIM,
                false,
                b -> b.header("Authorization", "Bearer " + otherToken)));
        for (Role role : Role.values()) {
            if (role == Role.VICTIM) {
                continue;
            }
            String key = server.key(role);
            callers.add(
                    new Caller(role.id() + " (API key)", role, false, b -> b.header("Authorization", "Bearer " + key)));
            TestServer.Session session = server.signIn(role);
            callers.add(new Caller(
                    role.id() + " (session)",
                    role,
                    false,
                    b -> b.header("Cookie", session.cookie()).header(AccessGate.CSRF_HEADER, session.csrf())));
        }
        return callers;
    }

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(server.base.resolve(path)).GET();
    }

    static HttpRequest.Builder post(String path, String type, String body) {
        return HttpRequest.newBuilder(server.base.resolve(path))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
