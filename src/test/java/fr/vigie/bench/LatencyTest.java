package fr.vigie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatencyTest {
    private HttpServer server;
    private String base;
    private final AtomicInteger authorized = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/sized", exchange -> answer(exchange, 200, "x".repeat(40_000).getBytes(), false));
        server.createContext(
                "/chunked",
                exchange -> answer(exchange, 200, "chunks ".repeat(5_000).getBytes(), true));
        server.createContext("/missing", exchange -> answer(exchange, 404, "{}".getBytes(), false));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, int status, byte[] body, boolean chunked) throws IOException {
        if ("Bearer k".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            authorized.incrementAndGet();
        }
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void answersOfAKnownLengthAndChunkedAnswersAreReadWhole() throws Exception {
        Latency.Result result = Latency.run(base, r -> r % 2 == 0 ? "/sized" : "/chunked", "Bearer k", 4, 1);

        assertThat(result.requests()).isGreaterThan(20);
        assertThat(result.errors()).isZero();
        assertThat(authorized.get()).isEqualTo((int) result.requests());
        assertThat(result.p99Nanos()).isGreaterThanOrEqualTo(result.p50Nanos()).isPositive();
    }

    @Test
    void anAnswerOtherThanSuccessCountsAsAnError() throws Exception {
        Latency.Result result = Latency.run(base, r -> "/missing", null, 2, 0.5);

        assertThat(result.requests()).isPositive();
        assertThat(result.errors()).isEqualTo(result.requests());
    }

    @Test
    void aServerThatIsGoneGivesErrorsNotAHang() throws Exception {
        String gone = base;
        server.stop(0);

        Latency.Result result = Latency.run(gone, r -> "/sized", null, 2, 0.5);

        assertThat(result.errors()).isEqualTo(result.requests()).isPositive();
    }

    @Test
    void eachPathIsAskedExactlyOnceWhateverTheNumberOfClients() throws Exception {
        java.util.List<String> paths = java.util.Collections.nCopies(7, "/sized");

        Latency.Result result = Latency.each(base, java.util.List.of("/missing", "/chunked", "/sized"), "Bearer k", 4);
        Latency.Result more = Latency.each(base, paths, "Bearer k", 3);

        assertThat(result.requests()).isEqualTo(3);
        assertThat(result.errors()).isEqualTo(1);
        assertThat(more.requests()).isEqualTo(7);
        assertThat(more.errors()).isZero();
        assertThat(authorized.get()).isEqualTo(10);
    }

    @Test
    void anOpenLoopSendsAboutTheRateAskedAndCountsFailures() throws Exception {
        Latency.Result result = Latency.atRate(base, r -> r % 2 == 0 ? "/sized" : "/missing", null, 2, 100, 1);

        assertThat(result.requests()).isBetween(80L, 120L);
        assertThat(result.errors()).isPositive().isLessThan(result.requests());
    }
}
