package fr.vigie.http;

import static fr.vigie.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.http.TestServer.Field;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate limits on the public routes, evidence only as a download, and HTTPS from PEM files. */
class HardeningTest {
    @TempDir
    Path dir;

    static App limited(int checks, int reports) {
        return new App(
                Config.defaults().withRateLimits(new Config.RateLimits(checks, reports, 0, Duration.ofMinutes(1))));
    }

    @Test
    void checksOverTheClientsLimitAre429WithRetryAfterAndTheSecurityHeaders() {
        try (TestServer server = new TestServer(limited(2, 0), 1 << 20, List.of())) {
            byte[] sms = "Votre colis est bloqué".getBytes(StandardCharsets.UTF_8);
            assertThat(server.post("/api/check", "text/plain", sms).statusCode())
                    .isEqualTo(200);
            assertThat(server.post("/api/check", "text/plain", sms).statusCode())
                    .isEqualTo(200);

            HttpResponse<String> refused = server.post("/api/check", "text/plain", sms);

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(json(refused).get("error").asText()).isEqualTo("rate_limited");
            assertThat(refused.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 60L));
            assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(refused.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            // other routes are not held up
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void reportsOverTheClientsLimitAre429AndNotStored() {
        try (TestServer server = new TestServer(limited(0, 1), 1 << 20, List.of())) {
            String form = "application/x-www-form-urlencoded";
            assertThat(server.post("/api/reports", form, "narrative=un".getBytes(StandardCharsets.UTF_8))
                            .statusCode())
                    .isEqualTo(201);

            HttpResponse<String> refused =
                    server.post("/api/reports", form, "narrative=deux".getBytes(StandardCharsets.UTF_8));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(server.reports.store().count()).isEqualTo(1);
        }
    }

    @Test
    void evidenceIsOnlyEverADownloadWithANeutralType() {
        try (TestServer server = new TestServer(1 << 20)) {
            String page = "<html><script>alert(document.cookie)</script></html>";
            String id = json(server.postForm(
                            "/api/reports",
                            Field.text("narrative", "une page piégée"),
                            new Field("evidence", "page.html", page.getBytes(StandardCharsets.UTF_8))))
                    .get("id")
                    .asText();

            HttpResponse<String> bytes =
                    server.send(HttpRequest.newBuilder(server.base.resolve("/api/reports/" + id + "/evidence/0"))
                            .header("Authorization", "Bearer " + server.key(Role.ANALYST)));

            assertThat(bytes.body()).isEqualTo(page);
            assertThat(bytes.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(bytes.headers().firstValue("Content-Disposition"))
                    .hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
            assertThat(bytes.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    @Test
    void withACertificateAndKeyInPemTheServerSpeaksHttpsAndItsSessionCookieIsSecure() throws Exception {
        Path p12 = dir.resolve("self.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "vigie",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "san=ip:127.0.0.1,dns:localhost",
                "-keystore",
                p12.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        KeyStore generated = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            generated.load(in, "changeit".toCharArray());
        }
        Certificate certificate = generated.getCertificate("vigie");
        var key = generated.getKey("vigie", "changeit".toCharArray());
        Path certPem = dir.resolve("cert.pem");
        Path keyPem = dir.resolve("key.pem");
        Files.writeString(certPem, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));

        Path data = TestServer.temporaryFolder();
        try (var reports = TestServer.reports(TestServer.APP, data);
                HttpServer server = new HttpServer(
                        TestServer.APP, reports, HttpServer.LOOPBACK, 1 << 20, Optional.of(new Tls(certPem, keyPem)))) {
            int port = server.start(0);
            HttpClient client =
                    HttpClient.newBuilder().sslContext(trusting(certificate)).build();
            URI base = URI.create("https://127.0.0.1:" + port);

            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            fr.vigie.access.Access.of(reports.store().accounts())
                    .addUser("tls-analyst", Role.ANALYST, TestServer.PASSWORD.toCharArray(), "test");
            HttpResponse<String> signIn = client.send(
                    HttpRequest.newBuilder(base.resolve("/api/session"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "name=tls-analyst&password=" + TestServer.PASSWORD.replace(' ', '+')))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.headers().allValues("Set-Cookie"))
                    .filteredOn(c -> c.startsWith("vigie_session="))
                    .singleElement()
                    .satisfies(c -> assertThat(c).contains("; Secure", "HttpOnly", "SameSite=Strict"));
        }
    }

    @Test
    void aKeyThatIsNotPkcs8PemIsRefusedNamingTheFileAndTheFix() throws IOException {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        Files.writeString(key, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> new Tls(cert, key).context());

        assertThat(thrown).isInstanceOf(fr.vigie.VigieException.class);
        assertThat(thrown.getMessage()).contains(cert.toString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static SSLContext trusting(Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("vigie", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** The JDK's own keytool: a real self-signed certificate made in the test, no network. */
    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
