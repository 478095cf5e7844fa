package fr.vigie.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.access.Access;
import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Reports;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.i18n.Lang;
import fr.vigie.render.CheckJson;
import fr.vigie.report.ReportForm;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.Store;
import io.javalin.router.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A real server on a free loopback port, and a real HTTP client to talk to it. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One App for every test: the rules and the model are read once. */
    static final App APP = new App(Config.defaults());

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final HttpServer server;
    final URI base;
    final Path data;
    final Reports reports;

    TestServer(long maxBodyBytes, List<Endpoint> more) {
        this(APP, maxBodyBytes, more);
    }

    TestServer(App app, long maxBodyBytes, List<Endpoint> more) {
        data = temporaryFolder();
        reports = reports(app, data);
        server = new HttpServer(app, reports, HttpServer.LOOPBACK, maxBodyBytes, more);
        base = URI.create("http://127.0.0.1:" + server.start(0));
    }

    /**
     * With OpenID Connect sign-in, on {@code port} (the redirect URI registered at the provider names it, so the
     * port is chosen before the server is made: {@link #freePort}).
     */
    TestServer(App app, int port, java.util.Optional<fr.vigie.oidc.OidcClient> oidc) {
        data = temporaryFolder();
        reports = reports(app, data);
        server = new HttpServer(
                app,
                reports,
                HttpServer.LOOPBACK,
                HttpServer.defaultMaxBodyBytes(app.config().limits()),
                java.util.Optional.empty(),
                oidc);
        base = URI.create("http://127.0.0.1:" + server.start(port));
    }

    /** A loopback port free just now, chosen by the system. */
    static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh embedded store and index in {@code data}, for {@code app}'s analysis. */
    static Reports reports(App app, Path data) {
        Store store = Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null));
        return new Reports(
                store, SearchIndex.open(data.resolve("index")), app.intake(), new ReportForm(app.identifiers()));
    }

    static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("vigie-http-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestServer(long maxBodyBytes) {
        this(maxBodyBytes, List.of());
    }

    /** A fresh service account's API key with this role, straight into the server's store (as the CLI does). */
    String key(Role role) {
        return Access.of(reports.store().accounts())
                .createKey(role.id() + "-" + COUNTER.incrementAndGet(), role, "test");
    }

    private static final java.util.concurrent.atomic.AtomicInteger COUNTER =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A browser session: the cookie header to send and the CSRF token to send back on changes. */
    record Session(String name, String cookie, String csrf) {}

    static final String PASSWORD = "correct horse battery staple";

    /** Adds an account with this role and signs it in through {@code POST /api/session}. */
    Session signIn(Role role) {
        String name = role.id() + "-" + COUNTER.incrementAndGet();
        Access.of(reports.store().accounts()).addUser(name, role, PASSWORD.toCharArray(), "test");
        HttpResponse<String> answer = post(
                "/api/session",
                "application/x-www-form-urlencoded",
                ("name=" + name + "&password=" + PASSWORD.replace(' ', '+')).getBytes(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            throw new AssertionError("sign-in refused: " + answer.statusCode() + " " + answer.body());
        }
        String cookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("vigie_session="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        return new Session(name, cookie, json(answer).get("csrf").asText());
    }

    @Override
    public void close() {
        server.close();
        reports.close();
        try (var files = Files.walk(data)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        try {
            return CLIENT.send(
                    request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code vigie check --json} prints for this harmonised message, as a tree. */
    static JsonNode cliAnswer(Harmonised harmonised, Lang lang) {
        try {
            // As `vigie check` with no --country: an adult in the configured country.
            var analysis =
                    APP.detector().analyse(harmonised, false, APP.config().country());
            var orientation = APP.router()
                    .route(
                            fr.vigie.orient.Case.of(
                                    analysis, harmonised.kind(), APP.config().country(), false),
                            lang);
            return JSON.readTree(CheckJson.line(CheckJson.of(harmonised, analysis, orientation, lang)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture's bytes; {@code .gz} fixtures are inflated. */
    static byte[] fixture(String path) {
        try (InputStream raw = TestServer.class.getResourceAsStream("/" + path)) {
            if (raw == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return path.endsWith(".gz") ? new GZIPInputStream(raw).readAllBytes() : raw.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field of a multipart/form-data body; {@code filename} null for a plain field. */
    record Field(String name, String filename, byte[] value) {
        static Field text(String name, String value) {
            return new Field(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final String BOUNDARY = "vigie-test-boundary";

    static byte[] multipart(Field... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field field : fields) {
            StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(field.name())
                    .append('"');
            if (field.filename() != null) {
                head.append("; filename=\"")
                        .append(field.filename())
                        .append("\"\r\nContent-Type: application/octet-stream");
            }
            head.append("\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(field.value());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    HttpResponse<String> postForm(String path, Field... fields) {
        return post(path, "multipart/form-data; boundary=" + BOUNDARY, multipart(fields));
    }
}
