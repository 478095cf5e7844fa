package fr.vigie.http;

import static fr.vigie.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.access.Access;
import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.store.Accounts;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionRoutesTest {
    static final String FORM = "application/x-www-form-urlencoded";
    TestServer server;

    @BeforeEach
    void start() {
        App app = new App(Config.defaults().withRateLimits(new Config.RateLimits(0, 0, 3, Duration.ofMinutes(1))));
        server = new TestServer(app, 1 << 20, List.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Access access() {
        return Access.of(server.reports.store().accounts());
    }

    HttpResponse<String> signIn(String name, String password) {
        return server.post(
                "/api/session",
                FORM,
                ("name=" + name + "&password=" + password.replace(' ', '+')).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> withSession(HttpRequest.Builder request, TestServer.Session session, boolean csrf) {
        request.header("Cookie", session.cookie());
        if (csrf) {
            request.header(AccessGate.CSRF_HEADER, session.csrf());
        }
        return server.send(request);
    }

    @Test
    void aSignInSetsAnHttpOnlyStrictSessionCookieAndACsrfTokenWithoutSecureOverPlainHttp() {
        access().addUser("alice", Role.ANALYST, TestServer.PASSWORD.toCharArray(), "test");

        HttpResponse<String> answer = signIn("alice", TestServer.PASSWORD);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).get("role").asText()).isEqualTo("analyst");
        List<String> cookies = answer.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .filteredOn(c -> c.startsWith("vigie_session="))
                .singleElement()
                .satisfies(c -> assertThat(c)
                        .contains("HttpOnly", "SameSite=Strict", "Path=/")
                        .doesNotContain("Secure"));
        assertThat(cookies)
                .filteredOn(c ->
                        c.startsWith("vigie_csrf=" + json(answer).get("csrf").asText()))
                .singleElement()
                .satisfies(c -> assertThat(c).contains("SameSite=Strict").doesNotContain("HttpOnly"));
    }

    @Test
    void aWrongPasswordAnUnknownNameAndADisabledAccountGetTheSameRefusal() {
        access().addUser("bob", Role.ANALYST, TestServer.PASSWORD.toCharArray(), "test");
        access().addUser("carol", Role.ANALYST, TestServer.PASSWORD.toCharArray(), "test");
        access().disable("carol", "test");

        HttpResponse<String> wrong = signIn("bob", "not the password at all");
        HttpResponse<String> unknown = signIn("nobody", TestServer.PASSWORD);
        HttpResponse<String> disabled = signIn("carol", TestServer.PASSWORD);

        assertThat(List.of(wrong.statusCode(), unknown.statusCode(), disabled.statusCode()))
                .containsOnly(401);
        assertThat(json(wrong)).isEqualTo(json(unknown)).isEqualTo(json(disabled));
        assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void signInsGrantedAndRefusedAreEntriesOfTheChainedAuditLog() {
        access().addUser("erin", Role.SUPERVISOR, TestServer.PASSWORD.toCharArray(), "test");

        signIn("erin", "not the password at all");
        signIn("erin", TestServer.PASSWORD);

        var audit = server.reports.store().audit();
        assertThat(audit.last(2))
                .extracting(e -> e.actor() + " " + e.action() + " " + e.target().orElse(""))
                .containsExactly("supervisor:erin sign-in account:erin", "anonymous sign-in-refused account:erin");
        assertThat(audit.verify().broken()).isEmpty();
    }

    @Test
    void aChangeMadeWithTheSessionCookieNeedsItsCsrfHeader() {
        String id = json(server.post("/api/reports", FORM, "narrative=csrf".getBytes(StandardCharsets.UTF_8)))
                .get("id")
                .asText();
        TestServer.Session session = server.signIn(Role.ANALYST);
        HttpRequest.Builder triage = HttpRequest.newBuilder(server.base.resolve("/api/reports/" + id + "/status"))
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString("status=triaged"));

        HttpResponse<String> forged = withSession(triage.copy(), session, false);
        HttpResponse<String> wrongToken =
                withSession(triage.copy().header(AccessGate.CSRF_HEADER, "guessed"), session, false);
        HttpResponse<String> genuine = withSession(triage.copy(), session, true);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).get("error").asText()).isEqualTo("csrf");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(json(genuine).get("history").get(1).get("by").asText()).isEqualTo("analyst:" + session.name());
        // a read needs no CSRF header
        assertThat(withSession(HttpRequest.newBuilder(server.base.resolve("/api/reports")), session, false)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSignedOutOrDisabledSessionOpensNothingAnyMore() {
        TestServer.Session out = server.signIn(Role.ANALYST);
        TestServer.Session disabled = server.signIn(Role.ANALYST);
        HttpRequest.Builder list = HttpRequest.newBuilder(server.base.resolve("/api/reports"));
        assertThat(withSession(list.copy(), out, false).statusCode()).isEqualTo(200);

        HttpResponse<String> signOut = withSession(
                HttpRequest.newBuilder(server.base.resolve("/api/session")).DELETE(), out, true);
        access().disable(disabled.name(), "test");

        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("vigie_session=;").contains("Max-Age=0"));
        assertThat(withSession(list.copy(), out, false).statusCode()).isEqualTo(401);
        assertThat(withSession(list.copy(), disabled, false).statusCode()).isEqualTo(401);
    }

    @Test
    void aRevokedOrForgedApiKeyIsRefused() {
        String key = access().createKey("ingest", Role.ANALYST, "test");
        HttpRequest.Builder list = HttpRequest.newBuilder(server.base.resolve("/api/reports"));
        assertThat(server.send(list.copy().header("Authorization", "Bearer " + key))
                        .statusCode())
                .isEqualTo(200);

        String forged = key.substring(0, key.length() - 4) + "AAAA";
        access().revokeKey("ingest", "test");

        assertThat(server.send(list.copy().header("Authorization", "Bearer " + forged))
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> revoked = server.send(list.copy().header("Authorization", "Bearer " + key));
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json(revoked).get("error").asText()).isEqualTo("bad_key");
    }

    @Test
    void afterTooManyFailuresANameIsLockedForItsWindowFromEveryClientEvenWithTheRightPassword() throws Exception {
        access().addUser("dave", Role.SUPERVISOR, TestServer.PASSWORD.toCharArray(), "test");
        access().addUser("erin", Role.ANALYST, TestServer.PASSWORD.toCharArray(), "test");
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("dave", "wrong password " + i).statusCode()).isEqualTo(401);
        }
        // another client (another loopback address), so that only the count per name is at work
        HttpClient elsewhere = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.2"))
                .build();
        HttpRequest.Builder rightPassword = HttpRequest.newBuilder(server.base.resolve("/api/session"))
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "name=dave&password=" + TestServer.PASSWORD.replace(' ', '+')));

        HttpResponse<String> locked = elsewhere.send(rightPassword.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = elsewhere.send(
                HttpRequest.newBuilder(server.base.resolve("/api/session"))
                        .header("Content-Type", FORM)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "name=erin&password=" + TestServer.PASSWORD.replace(' ', '+')))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void signInsFromOneClientAreLimitedTo429WithRetryAfter() {
        access().addUser("fred", Role.ANALYST, TestServer.PASSWORD.toCharArray(), "test");
        for (int i = 0; i < 3; i++) {
            signIn("fred-" + i, "wrong password " + i);
        }

        HttpResponse<String> limited = signIn("fred", TestServer.PASSWORD);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(json(limited).get("error").asText()).isEqualTo("rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void signInsAndRefusalsAreAuditedWithoutPasswordsOrUnknownNames() {
        access().addUser("erin", Role.DPO, TestServer.PASSWORD.toCharArray(), "test");
        signIn("erin", TestServer.PASSWORD);
        signIn("erin", "a wrong password here");
        signIn("my-password-typed-as-a-name", "anything at all");

        List<Accounts.Event> events = server.reports.store().accounts().events();

        assertThat(events)
                .extracting(e -> e.actor() + " " + e.action() + " " + e.target())
                .contains(
                        "dpo:erin sign-in account:erin",
                        "anonymous sign-in-refused account:erin",
                        "anonymous sign-in-refused unknown-account");
        assertThat(events.toString())
                .doesNotContain(TestServer.PASSWORD)
                .doesNotContain("a wrong password")
                .doesNotContain("my-password-typed-as-a-name");
    }
}
