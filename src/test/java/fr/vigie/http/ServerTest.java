package fr.vigie.http;

import static fr.vigie.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.app.App;
import fr.vigie.harmonise.Limits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every route shares: health, metrics, the OpenAPI file, the security headers, the log. */
class ServerTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(64 * 1024);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthSaysOkAndTheVersion() {
        HttpResponse<String> response = server.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("version").asText()).isEqualTo(App.VERSION);
    }

    @Test
    void metricsCountRequestsByRouteAndStatusAndShowTheJvm() {
        server.get("/health");
        server.get("/no/such/route");
        server.post("/api/check", "text/plain", "Votre colis est bloqué".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = server.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(response.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}")
                .contains("http_server_requests_seconds_sum{method=\"POST\",route=\"/api/check\",status=\"200\"}")
                .contains("route=\"unmatched\",status=\"404\"")
                .doesNotContain("/no/such/route")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds");
    }

    @Test
    void openApiIsJsonInVersion31() {
        HttpResponse<String> response = server.get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode openApi = json(response);
        assertThat(openApi.get("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(openApi.get("paths").has("/api/check")).isTrue();
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoServerVersion() {
        List<HttpResponse<String>> responses = List.of(
                server.get("/health"),
                server.get("/metrics"),
                server.get("/no/such/route"),
                server.get("/api/check"),
                server.post("/api/check", "text/plain", "Votre colis est bloqué".getBytes(StandardCharsets.UTF_8)),
                server.post("/api/check", "application/json", "{}".getBytes()),
                server.post("/api/check", "text/plain", new byte[200 * 1024]));
        for (HttpResponse<String> response : responses) {
            var headers = response.headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .startsWith("default-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(headers.firstValue("Server")).isEmpty();
            assertThat(headers.firstValue("X-Powered-By")).isEmpty();
        }
    }

    @Test
    void logSaysRouteStatusAndDurationButNeverTheMessage() throws InterruptedException {
        String marker = "Zanzibar-7431 est votre code, appelez le 06 11 22 33 44";
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            server.post("/api/check?country=FR", "text/plain", marker.getBytes(StandardCharsets.UTF_8));
            server.post("/api/check", "text/plain", (marker + "\0").getBytes(StandardCharsets.UTF_8));
            // the request log is written after the answer: give it a moment
            for (int i = 0;
                    i < 50 && captured.toString(StandardCharsets.UTF_8).lines().count() < 2;
                    i++) {
                Thread.sleep(20);
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("POST /api/check 200").contains("POST /api/check 400");
        assertThat(log)
                .doesNotContain("Zanzibar")
                .doesNotContain("06 11 22 33 44")
                .doesNotContain("country=");
    }

    @Test
    void defaultBodyLimitHoldsTheLargestMessageTheHarmoniserReads() {
        assertThat(HttpServer.defaultMaxBodyBytes(Limits.DEFAULT)).isGreaterThan(Limits.DEFAULT.maxMessageBytes());
    }
}
