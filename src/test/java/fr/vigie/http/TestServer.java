package fr.vigie.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.i18n.Lang;
import fr.vigie.render.CheckJson;
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

    TestServer(long maxBodyBytes, List<Endpoint> more) {
        server = new HttpServer(APP, HttpServer.LOOPBACK, maxBodyBytes, more);
        base = URI.create("http://127.0.0.1:" + server.start(0));
    }

    TestServer(long maxBodyBytes) {
        this(maxBodyBytes, List.of());
    }

    @Override
    public void close() {
        server.close();
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
            return JSON.readTree(
                    CheckJson.line(CheckJson.of(harmonised, APP.detector().analyse(harmonised, false), lang)));
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
