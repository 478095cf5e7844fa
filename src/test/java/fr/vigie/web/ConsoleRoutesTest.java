package fr.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.access.Access;
import fr.vigie.access.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's forms over plain HTTP (no browser): what a forged or a proper post gets. */
class ConsoleRoutesTest {
    private static final String PASSWORD = "un mot de passe assez long";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static WebServer server;
    private static Access.SignedIn analyst;
    private static String report;

    @BeforeAll
    static void start() {
        server = new WebServer();
        Access access = Access.of(server.reports().store().accounts());
        access.addUser("analyste", Role.ANALYST, PASSWORD.toCharArray(), "test");
        analyst = access.signIn("analyste", PASSWORD.toCharArray()).orElseThrow();
        report = server.reports()
                .submit(Map.of("narrative", List.of("Un faux conseiller bancaire")), List.of(), "test")
                .id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String path, String cookie, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(server.base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String session() {
        return Access.SESSION_COOKIE + "=" + analyst.sessionToken();
    }

    @Test
    void aStatusChangeWithoutTheFormsTokenIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> forged = post("/console/reports/" + report + "/status", session(), "status=closed");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(forged.body()).contains("Le formulaire a expiré");
        assertThat(server.reports().report(report).orElseThrow().status().id()).isEqualTo("new");
    }

    @Test
    void aStatusChangeWithTheFormsTokenGoesBackToTheReport() throws Exception {
        HttpResponse<String> answer = post(
                "/console/reports/" + report + "/status",
                session(),
                "status=oriented&note=transmis&lang=fr&csrf=" + analyst.csrf());

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/console/reports/" + report + "?lang=fr");
        assertThat(server.reports().report(report).orElseThrow().history())
                .anySatisfy(change -> assertThat(change.note()).isEqualTo("transmis"));
    }

    @Test
    void aSignInWithoutTheSignInPagesTokenIsRefused() throws Exception {
        HttpResponse<String> forged =
                post("/console/signin", "vigie_signin=one", "csrf=another&name=analyste&password=" + PASSWORD);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie"))
                .as("no session cookie is set")
                .noneSatisfy(c -> assertThat(c).matches(Access.SESSION_COOKIE + "=[^;]+;.*"));
    }

    @Test
    void aSignOutWithoutTheSessionsTokenLeavesTheSessionOpen() throws Exception {
        HttpResponse<String> forged = post("/console/signout", session(), "lang=fr");

        assertThat(forged.statusCode()).isEqualTo(303);
        assertThat(Access.of(server.reports().store().accounts()).session(analyst.sessionToken()))
                .isPresent();
    }
}
