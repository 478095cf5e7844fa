package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    @Test
    void servePrintsTheBoundUrlAnswersThereAndStopsWhenInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(Main.run(
                new String[] {"serve", "--port", "0", "--data", "target/serve-test-data"},
                new PrintWriter(out, true),
                new PrintWriter(err, true))));
        serve.start();
        Matcher url = URL.matcher("");
        for (int i = 0; i < 600 && !url.reset(out.toString()).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(url.find(0)).as("printed URL; stderr: %s", err).isTrue();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(URI.create(url.group() + "health"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
        }
        serve.interrupt();
        serve.join(10_000);
        assertThat(serve.isAlive()).isFalse();
        assertThat(code.get()).isZero();
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {"serve", "--port", "70000"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--port");
    }

    @Test
    void oidcSettingsThatDoNotCheckStopTheServerBeforeItStartsNamingTheProblem() {
        StringWriter err = new StringWriter();
        String file = "src/test/resources/oidc/invalid/secret-in-file.json";
        int code = Main.run(
                new String[] {"serve", "--port", "0", "--oidc-config", file},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(err.toString())
                .startsWith("vigie serve: " + file + ": 'client_secret' is never written here")
                .doesNotContain("s3cr3t");
    }
}
