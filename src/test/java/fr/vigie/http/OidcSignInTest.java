package fr.vigie.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.oidc.OidcClient;
import fr.vigie.oidc.OidcSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponseKt;
import no.nav.security.mock.oauth2.http.OAuth2HttpRouterKt;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect sign-in through the real Vigie server and a real provider (mock-oauth2-server) started here on a
 * loopback port: a browser-like client that keeps cookies and follows redirects goes from the console's button to
 * the provider and back. Never the network.
 */
class OidcSignInTest {
    static final String ISSUER_ID = "unit";
    static final String CLIENT_ID = "vigie-console";

    static MockOAuth2Server provider;
    static TestServer server;
    static Path secretFile;
    static App app;

    @BeforeAll
    static void start() throws IOException {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), 0);
        int port = TestServer.freePort();
        secretFile = Files.createTempFile("vigie-oidc", ".secret");
        Files.writeString(secretFile, "test-client-secret");
        OidcSettings settings = settings(provider.issuerUrl(ISSUER_ID).toString(), port);
        OidcClient client =
                new OidcClient(settings, settings.secret(Map.of()), Clock.systemUTC(), Duration.ofSeconds(5));
        // no rate limits: the tests sign in more often in a minute than a person would
        app = new App(Config.defaults().withRateLimits(new Config.RateLimits(0, 0, 0, Duration.ofMinutes(1))));
        server = new TestServer(app, port, Optional.of(client));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        provider.shutdown();
        Files.deleteIfExists(secretFile);
    }

    static OidcSettings settings(String issuer, int vigiePort) {
        String text = read("oidc/settings.json")
                .replace("{issuer}", issuer)
                .replace("{secret_file}", secretFile.toString())
                .replace("{redirect}", "http://127.0.0.1:" + vigiePort + OidcSettings.CALLBACK_PATH);
        return OidcSettings.parse("settings.json", text);
    }

    /** A browser: its own cookies, redirects followed. */
    static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The provider will vouch for this person at the next token request. */
    static void nextPerson(String subject, Map<String, Object> claims, List<String> audience, long expirySeconds) {
        provider.enqueueCallback(
                new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", audience, claims, expirySeconds));
    }

    static HttpResponse<String> get(HttpClient client, URI uri) {
        try {
            return client.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> signInThroughTheProvider(HttpClient browser) {
        return get(browser, server.base.resolve("/console/oidc/start?lang=en"));
    }

    @Test
    void mappedPersonIsSignedInWithTheMappedRoleAndOpensTheConsole() {
        nextPerson(
                "4b1f0c8e-alice",
                Map.of("preferred_username", "Alice.Martin", "groups", List.of("staff", "vigie-analysts")),
                List.of(CLIENT_ID),
                3600);
        HttpClient browser = browser();

        HttpResponse<String> landed = signInThroughTheProvider(browser);

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo(OidcSettings.CALLBACK_PATH);
        assertThat(landed.body()).contains("oidc.alice.martin").contains("http-equiv=\"refresh\"");
        HttpResponse<String> console = get(browser, server.base.resolve("/console?lang=en"));
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.uri().getPath()).isEqualTo("/console");
        assertThat(console.body()).contains("oidc.alice.martin · analyst");
        var session = TestServer.json(get(browser, server.base.resolve("/api/session")));
        assertThat(session.get("role").asText()).isEqualTo(Role.ANALYST.id());
    }

    @Test
    void oidcSignInIsAuditedLikeALocalOne() {
        nextPerson(
                "7c2d-bruno",
                Map.of("preferred_username", "bruno", "groups", List.of("vigie-supervisors")),
                List.of(CLIENT_ID),
                3600);

        assertThat(signInThroughTheProvider(browser()).statusCode()).isEqualTo(200);

        var audit = server.reports.store().audit();
        assertThat(audit.about("account:oidc.bruno"))
                .extracting(e -> e.actor() + " " + e.action())
                .contains("supervisor:oidc.bruno sign-in");
        assertThat(audit.verify().broken()).isEmpty();
    }

    @Test
    void personWithNoMappedRoleIsRefusedWithAPageAndNoSession() {
        nextPerson(
                "9e3a-chloe",
                Map.of("preferred_username", "chloe", "groups", List.of("marketing")),
                List.of(CLIENT_ID),
                3600);
        HttpClient browser = browser();

        HttpResponse<String> refused = signInThroughTheProvider(browser);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("data-problem=\"no_role\"").contains("gives you no role in Vigie");
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("vigie_session="));
        assertThat(server.reports.store().accounts().account("oidc.chloe")).isEmpty();
        assertThat(get(browser, server.base.resolve("/console")).uri().getPath())
                .isEqualTo("/console/signin");
    }

    @Test
    void tokenIssuedForAnotherAudienceIsRefused() {
        // the provider makes an ID token's audience the client that asks; this claim overrides it
        nextPerson(
                "1a2b-dan",
                Map.of(
                        "preferred_username",
                        "dan",
                        "groups",
                        List.of("vigie-analysts"),
                        "aud",
                        List.of("another-application")),
                List.of("another-application"),
                3600);

        HttpResponse<String> refused = signInThroughTheProvider(browser());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("data-problem=\"wrong_audience\"");
        assertThat(server.reports.store().accounts().account("oidc.dan")).isEmpty();
    }

    @Test
    void expiredTokenIsRefused() {
        nextPerson(
                "5f6e-eve",
                Map.of("preferred_username", "eve", "groups", List.of("vigie-analysts")),
                List.of(CLIENT_ID),
                -600);

        HttpResponse<String> refused = signInThroughTheProvider(browser());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("data-problem=\"expired\"");
    }

    @Test
    void tamperedStateIsRefused() {
        Answer callback = callbackOfAFreshSignIn();
        String tampered = callback.location().replaceAll("state=[^&]+", "state=forged-by-someone-else");

        HttpResponse<String> refused =
                server.send(HttpRequest.newBuilder(URI.create(tampered)).header("Cookie", callback.flowCookie()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("data-problem=\"bad_state\"").doesNotContain("Exception");
    }

    @Test
    void callbackWithoutTheFlowCookieOfThisBrowserIsRefused() {
        Answer callback = callbackOfAFreshSignIn();

        HttpResponse<String> refused = server.send(HttpRequest.newBuilder(URI.create(callback.location())));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("data-problem=\"bad_state\"");
    }

    @Test
    void tokenAnsweringAnotherSignInsNonceIsRefused() {
        nextPerson(
                "3c4d-fanny",
                Map.of("preferred_username", "fanny", "groups", List.of("vigie-analysts")),
                List.of(CLIENT_ID),
                3600);
        Answer callback = callbackOfAFreshSignIn();
        String[] parts = callback.flowCookie().substring("vigie_oidc=".length()).split("\\.");
        parts[1] = "another-sign-ins-nonce-0123456789abcdef";

        HttpResponse<String> refused = server.send(HttpRequest.newBuilder(URI.create(callback.location()))
                .header("Cookie", "vigie_oidc=" + String.join(".", parts)));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("data-problem=\"wrong_nonce\"");
    }

    @Test
    void providerThatCannotBeReachedAnswersAPageNamingIt() throws IOException {
        int closed = TestServer.freePort();
        OidcSettings settings = settings("http://127.0.0.1:" + closed + "/unit", TestServer.freePort());
        OidcClient client = new OidcClient(settings, "secret", Clock.systemUTC(), Duration.ofSeconds(2));
        assertThat(client.discovered()).isFalse();
        try (TestServer down = new TestServer(TestServer.APP, TestServer.freePort(), Optional.of(client))) {
            HttpResponse<String> page = down.get("/console/oidc/start?lang=fr");

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body())
                    .contains("data-problem=\"provider_unreachable\"")
                    .contains("injoignable");
            assertThat(down.get("/console/signin").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void signInButtonIsShownOnlyWhenOidcIsConfigured() {
        assertThat(server.get("/console/signin?lang=en").body())
                .contains("id=\"signin-oidc\"")
                .contains("Sign in with Annuaire de l'unité");
        try (TestServer plain = new TestServer(1 << 20)) {
            assertThat(plain.get("/console/signin").body()).doesNotContain("signin-oidc");
            HttpResponse<String> start = plain.get("/console/oidc/start");
            assertThat(start.statusCode()).isEqualTo(404);
            assertThat(start.body()).contains("data-problem=\"not_configured\"");
        }
    }

    @Test
    void accountMadeByOidcCannotSignInWithAPassword() {
        nextPerson(
                "8d9e-gael",
                Map.of("preferred_username", "gael", "groups", List.of("vigie-analysts")),
                List.of(CLIENT_ID),
                3600);
        assertThat(signInThroughTheProvider(browser()).statusCode()).isEqualTo(200);

        HttpResponse<String> password = server.post(
                "/api/session",
                "application/x-www-form-urlencoded",
                "name=oidc.gael&password=!oidc-and-something-long".getBytes(StandardCharsets.UTF_8));

        assertThat(password.statusCode()).isEqualTo(401);
    }

    @Test
    void personRemovedFromTheMappedGroupsLosesTheSessionsTheyHad() {
        nextPerson(
                "2e3f-hugo",
                Map.of("preferred_username", "hugo", "groups", List.of("vigie-analysts")),
                List.of(CLIENT_ID),
                3600);
        HttpClient first = browser();
        assertThat(signInThroughTheProvider(first).statusCode()).isEqualTo(200);
        assertThat(get(first, server.base.resolve("/console")).uri().getPath()).isEqualTo("/console");

        nextPerson(
                "2e3f-hugo",
                Map.of("preferred_username", "hugo", "groups", List.of("former-staff")),
                List.of(CLIENT_ID),
                3600);
        assertThat(signInThroughTheProvider(browser()).statusCode()).isEqualTo(403);

        assertThat(get(first, server.base.resolve("/console")).uri().getPath()).isEqualTo("/console/signin");
    }

    @Test
    void tokenWhoseSignatureDoesNotMatchTheProvidersKeysIsRefused() throws Exception {
        // this provider publishes a key of the same id as its signing key, but another key: a forged signature
        RSAKey other = new RSAKeyGenerator(2048).keyID(ISSUER_ID).generate();
        String published = new JWKSet(other).toPublicJWKSet().toString();
        MockOAuth2Server forging = new MockOAuth2Server(
                OAuth2HttpRouterKt.route("/" + ISSUER_ID + "/jwks", request -> OAuth2HttpResponseKt.json(published)));
        forging.start(InetAddress.getLoopbackAddress(), 0);
        try (TestServer vigie = vigieFor(forging)) {
            forging.enqueueCallback(new DefaultOAuth2TokenCallback(
                    ISSUER_ID,
                    "6a7b-ines",
                    "JWT",
                    List.of(CLIENT_ID),
                    Map.of("preferred_username", "ines", "groups", List.of("vigie-analysts")),
                    3600));

            HttpResponse<String> refused = get(browser(), vigie.base.resolve("/console/oidc/start"));

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("data-problem=\"bad_token\"");
            assertThat(vigie.reports.store().accounts().account("oidc.ines")).isEmpty();
        } finally {
            forging.shutdown();
        }
    }

    @Test
    void providerGoneDownDuringTheSignInAnswersAPageNamingIt() {
        MockOAuth2Server leaving = new MockOAuth2Server();
        leaving.start(InetAddress.getLoopbackAddress(), 0);
        try (TestServer vigie = vigieFor(leaving)) {
            HttpClient noRedirects = HttpClient.newBuilder().build();
            HttpResponse<String> start = get(noRedirects, vigie.base.resolve("/console/oidc/start"));
            String flowCookie = start.headers().allValues("Set-Cookie").get(0);
            HttpResponse<String> provided = get(
                    noRedirects,
                    URI.create(start.headers().firstValue("Location").orElseThrow()));
            String callback = provided.headers().firstValue("Location").orElseThrow();
            leaving.shutdown();

            HttpResponse<String> page = vigie.send(HttpRequest.newBuilder(URI.create(callback))
                    .header("Cookie", flowCookie.substring(0, flowCookie.indexOf(';'))));

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("data-problem=\"provider_unreachable\"");
        }
    }

    /** A Vigie server of its own that signs people in through {@code mock}. */
    static TestServer vigieFor(MockOAuth2Server mock) {
        int port = TestServer.freePort();
        OidcSettings settings = settings(mock.issuerUrl(ISSUER_ID).toString(), port);
        OidcClient client = new OidcClient(settings, "secret", Clock.systemUTC(), Duration.ofSeconds(5));
        return new TestServer(app, port, Optional.of(client));
    }

    /** The provider's redirect back to Vigie (not followed), and the flow cookie Vigie set at the start. */
    record Answer(String location, String flowCookie) {}

    static Answer callbackOfAFreshSignIn() {
        HttpClient noRedirects =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> start = get(noRedirects, server.base.resolve("/console/oidc/start"));
        assertThat(start.statusCode()).isEqualTo(303);
        String flowCookie = start.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("vigie_oidc="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize)
                .contains("code_challenge_method=S256")
                .contains("nonce=")
                .contains("state=");
        HttpResponse<String> provided = get(noRedirects, URI.create(authorize));
        String location = provided.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(server.base + OidcSettings.CALLBACK_PATH);
        return new Answer(location, flowCookie);
    }

    static String read(String resource) {
        try (InputStream in = OidcSignInTest.class.getResourceAsStream("/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
