package fr.vigie.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.app.Config;
import fr.vigie.message.Evidence;
import fr.vigie.store.Store;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged report survives {@code kill -9}: a real {@code vigie serve} process takes a stream of
 * submissions, is killed without warning while more are in flight, and is started again on the same folder; every
 * report it had acknowledged is there, opens with its token, and gives back its evidence bytes exactly.
 */
class CrashDurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    /** What the server acknowledged, and the hash of the bytes sent. */
    record Ack(String id, String token, String sha256) {}

    @Test
    void everyAcknowledgedReportSurvivesAKillDashNine() throws Exception {
        Process server = serve();
        URI base = url(server);
        Queue<Ack> acks = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            submitters.add(Thread.ofVirtual().start(() -> {
                for (int n = 0; running.get(); n++) {
                    byte[] bytes = new byte[2048];
                    ThreadLocalRandom.current().nextBytes(bytes);
                    try {
                        // Half the reports carry a file, half only fields (no large object to write apart).
                        boolean withFile = thread % 2 == 0;
                        HttpResponse<String> response = HTTP.send(
                                submission(base, "durability " + thread + "-" + n, withFile ? bytes : null),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            JsonNode body = JSON.readTree(response.body());
                            acks.add(new Ack(
                                    body.get("id").asText(),
                                    body.get("token").asText(),
                                    withFile ? Evidence.sha256(bytes) : null));
                        }
                    } catch (IOException e) {
                        // the server died under this request: it was never acknowledged
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acks.size() < 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        server.destroyForcibly(); // SIGKILL, with submissions in flight
        server.waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        for (Thread t : submitters) {
            t.join();
        }
        assertThat(acks).as("acknowledged before the kill").hasSizeGreaterThan(20);

        Process restarted = serve();
        try {
            URI again = url(restarted);
            for (Ack ack : acks) {
                HttpResponse<String> report = HTTP.send(
                        HttpRequest.newBuilder(again.resolve("/api/reports/" + ack.id()))
                                .header("Authorization", "Bearer " + ack.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                // The answer's body is in the message: a 404 (lost) and a 503 (restart still busy) call for different
                // fixes.
                assertThat(report.statusCode())
                        .as("%s answered %s", ack.id(), report.body())
                        .isEqualTo(200);
                if (ack.sha256() == null) {
                    assertThat(JSON.readTree(report.body()).get("evidence")).isEmpty();
                    continue;
                }
                JsonNode evidence = JSON.readTree(report.body()).get("evidence").get(0);
                assertThat(evidence.get("sha256").asText()).isEqualTo(ack.sha256());
                HttpResponse<byte[]> bytes = HTTP.send(
                        HttpRequest.newBuilder(
                                        again.resolve(evidence.get("href").asText()))
                                .header("Authorization", "Bearer " + ack.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(Evidence.sha256(bytes.body())).as(ack.id()).isEqualTo(ack.sha256());
            }
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Every read that was answered is in the audit log after a {@code kill -9}, however many readers shared a
     * commit: an answer is sent only once its read's entry is in the file. Readers of a few reports at once, the
     * server killed while reads are in flight; the log then holds at least as many reads of each report as were
     * answered, and its chain is whole.
     */
    @Test
    void everyAnsweredReadIsInTheAuditLogAfterAKillDashNine() throws Exception {
        Process server = serve();
        URI base = url(server);
        List<Ack> reports = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            HttpResponse<String> response =
                    HTTP.send(submission(base, "audited read " + n, null), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode body = JSON.readTree(response.body());
            reports.add(new Ack(body.get("id").asText(), body.get("token").asText(), null));
        }
        Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
        reports.forEach(r -> answered.put(r.id(), new AtomicInteger()));
        AtomicInteger total = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Ack report = reports.get(t % reports.size());
            readers.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> read = HTTP.send(
                                HttpRequest.newBuilder(base.resolve("/api/reports/" + report.id()))
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Authorization", "Bearer " + report.token())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (read.statusCode() == 200) {
                            answered.get(report.id()).incrementAndGet();
                            total.incrementAndGet();
                        }
                    } catch (IOException e) {
                        return; // the server died under this read: it was never answered
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (total.get() < 600 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        server.destroyForcibly(); // SIGKILL, with reads in flight
        server.waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        for (Thread t : readers) {
            t.join();
        }
        assertThat(total.get()).as("reads answered before the kill").isGreaterThan(50);

        try (Store store = Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null))) {
            for (Ack report : reports) {
                assertThat(store.audit().about(report.id()))
                        .filteredOn(e -> e.action().equals("report.read"))
                        .as("reads of %s in the log", report.id())
                        .hasSizeGreaterThanOrEqualTo(answered.get(report.id()).get());
            }
            assertThat(store.audit().verify().broken()).isEmpty();
        }
    }

    private static HttpRequest submission(URI base, String narrative, byte[] evidence) {
        String boundary = "durability-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"narrative\"\r\n\r\n" + narrative
                        + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (evidence != null) {
            body.writeBytes(("--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"capture.bin\"\r\n"
                            + "Content-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(evidence);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(base.resolve("/api/reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }

    /** {@code vigie serve} in its own JVM, on this test's classpath, on any free port. */
    private Process serve() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "fr.vigie.cli.Main",
                "serve",
                "--port",
                "0",
                "--data",
                data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("VIGIE_DB");
        builder.environment().put("VIGIE_RATE_REPORT", "0"); // a stream of submissions from one client, on purpose
        return builder.start();
    }

    /** The URL the server prints once it listens. */
    private static URI url(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("http://")) {
                return URI.create(line.strip());
            }
        }
        throw new AssertionError("vigie serve stopped before it listened");
    }
}
