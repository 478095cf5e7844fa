package fr.vigie.http;

import static fr.vigie.http.TestServer.fixture;
import static fr.vigie.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.http.TestServer.Field;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A whole life of a report with canary strings in its contact, narrative and message: submitted, read by an
 * analyst and by its victim, its evidence downloaded, found, exported, rectified and erased by the data protection
 * officer. Everything the process logs meanwhile is captured, and none of it holds a canary.
 */
class PrivacyFlowTest {
    /** An analyst's API key (reads) and a data protection officer's (requests of data subjects), made per run. */
    private static String analyst;

    private static String dpo;
    static final List<String> CANARIES = List.of(
            "Ondine Canarial",
            "ondine.canary7731",
            "612347731",
            "ZEPHYRNARRATIVE4409",
            "QUOKKAMESSAGE7731",
            "ondine.rectified");

    @Test
    void aFullFlowWithCanariesLogsNoneOfThem() throws Exception {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        System.setOut(tee);
        try (TestServer server = new TestServer(new App(Config.defaults()), 1 << 20, List.of())) {
            analyst = server.key(Role.ANALYST);
            dpo = server.key(Role.DPO);
            HttpResponse<String> submitted = server.postForm(
                    "/api/reports",
                    Field.text("narrative", "Je me suis fait avoir. ZEPHYRNARRATIVE4409"),
                    Field.text("channel", "email"),
                    Field.text("loss", "120 EUR card"),
                    Field.text("contact_name", "Ondine Canarial"),
                    Field.text("contact_email", "ondine.canary7731@example.org"),
                    Field.text("contact_phone", "06 12 34 77 31"),
                    new Field("evidence", "message.eml", fixture("privacy/canary_a.eml")));
            assertThat(submitted.statusCode()).isEqualTo(201);
            String id = json(submitted).get("id").asText();
            String token = json(submitted).get("token").asText();

            assertThat(get(server, "/api/reports/" + id, analyst).statusCode()).isEqualTo(200);
            assertThat(get(server, "/api/reports/" + id, token).statusCode()).isEqualTo(200);
            assertThat(get(server, "/api/reports/" + id + "/evidence/0", analyst)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(get(server, "/api/reports?query=QUOKKAMESSAGE7731", analyst)
                            .body())
                    .contains(id);
            // a refused field named with a canary is not echoed either
            assertThat(server.postForm("/api/reports", Field.text("QUOKKAMESSAGE7731", "x"))
                            .statusCode())
                    .isEqualTo(400);

            Map<String, String> subject =
                    Map.of("by", "email", "value", "ondine.canary7731@example.org", "reason", "request 2026-17");
            HttpResponse<String> found = form(server, "/api/subjects/find", subject);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains(id);
            assertThat(form(server, "/api/subjects/find", Map.of("by", "email", "value", "ondine.canary7731@x.org")))
                    .extracting(HttpResponse::statusCode)
                    .isEqualTo(400);
            HttpResponse<byte[]> export = server.sendBytes(formRequest(server, "/api/subjects/export", subject));
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(new String(export.body(), StandardCharsets.ISO_8859_1)).contains("subject.json");
            HttpResponse<String> rectified = form(
                    server,
                    "/api/subjects/rectify",
                    Map.of(
                            "by",
                            "report",
                            "value",
                            id,
                            "reason",
                            "request 18",
                            "email",
                            "ondine.rectified@example.org"));
            assertThat(json(rectified).get("changed").asInt()).isEqualTo(1);
            HttpResponse<String> erased = form(
                    server,
                    "/api/subjects/erase",
                    Map.of("by", "email", "value", "ondine.rectified@example.org", "reason", "request 19"));
            assertThat(json(erased).get("erased").get(0).asText()).isEqualTo(id);
            assertThat(form(server, "/api/subjects/erase", subject).statusCode())
                    .isEqualTo(404);
            assertThat(form(server, "/api/subjects/find", subject, null).statusCode())
                    .isEqualTo(401);

            assertThat(server.reports.store().audit().verify().broken()).isEmpty();
            assertThat(server.reports.store().audit().last(50))
                    .extracting(fr.vigie.store.Audit.Entry::action)
                    .contains("report.read", "evidence.read", "subject.export", "subject.rectify", "subject.erase");
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the logs were captured").contains("POST /api/reports 201", "/api/subjects/erase");
        String lower = logs.toLowerCase(Locale.ROOT);
        for (String canary : CANARIES) {
            assertThat(lower).as(canary).doesNotContain(canary.toLowerCase(Locale.ROOT));
        }
    }

    private static HttpResponse<String> get(TestServer server, String path, String token) {
        return server.send(HttpRequest.newBuilder(server.base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    private static HttpResponse<String> form(TestServer server, String path, Map<String, String> fields) {
        return form(server, path, fields, dpo);
    }

    private static HttpResponse<String> form(TestServer server, String path, Map<String, String> fields, String token) {
        HttpRequest.Builder request = formRequest(server, path, fields);
        if (token == null) {
            request = HttpRequest.newBuilder(server.base.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        }
        return server.send(request);
    }

    private static HttpRequest.Builder formRequest(TestServer server, String path, Map<String, String> fields) {
        return HttpRequest.newBuilder(server.base.resolve(path))
                .header("Authorization", "Bearer " + dpo)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
