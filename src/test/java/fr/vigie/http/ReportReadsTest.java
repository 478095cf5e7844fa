package fr.vigie.http;

import static fr.vigie.http.TestServer.fixture;
import static fr.vigie.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.http.TestServer.Field;
import fr.vigie.i18n.Lang;
import fr.vigie.report.Channel;
import fr.vigie.report.Report;
import fr.vigie.report.Situation;
import fr.vigie.report.Status;
import fr.vigie.store.Retention;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/reports/{id}} keeps what it made of a report ({@link ReportViews}); each change to the report is in
 * the next answer, the answer is the one a server that never read the report gives, and nothing of the reporter's
 * identity is in it.
 */
class ReportReadsTest {
    static App app;

    TestServer server;
    String analyst;
    String id;
    String token;

    @BeforeAll
    static void wire() {
        app = new App(Config.defaults());
    }

    @BeforeEach
    void submit() {
        server = new TestServer(app, 1 << 20, List.of());
        analyst = server.key(Role.ANALYST);
        HttpResponse<String> created = server.postForm(
                "/api/reports",
                Field.text("narrative", "J'ai payé 450 € en coupons PCS. ZEPHYRNARRATIVE4409"),
                Field.text("channel", "email"),
                Field.text("loss", "450 EUR coupon 2026-11-03"),
                Field.text("contact_email", "ondine.canary7731@example.org"),
                new Field("evidence", "convocation.eml", fixture("messages/fake-interpol.eml")));
        assertThat(created.statusCode()).isEqualTo(201);
        id = json(created).get("id").asText();
        token = json(created).get("token").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(URI base, String bearer) {
        return server.send(HttpRequest.newBuilder(base.resolve("/api/reports/" + id))
                .header("Authorization", "Bearer " + bearer)
                .GET());
    }

    JsonNode read(String bearer) {
        HttpResponse<String> answer = get(server.base, bearer);
        assertThat(answer.statusCode()).isEqualTo(200);
        return json(answer);
    }

    @Test
    void aReportReadAgainIsTheAnswerOfAServerThatNeverReadIt() {
        read(analyst);
        String again = get(server.base, analyst).body();

        try (HttpServer fresh = new HttpServer(app, server.reports)) {
            URI other = URI.create("http://127.0.0.1:" + fresh.start(0));
            assertThat(get(other, analyst).body()).isEqualTo(again);
        }
        assertThat(json(get(server.base, analyst)).get("priority")).isNotNull();
        assertThat(again).doesNotContain("ondine.canary7731@example.org");
    }

    @Test
    void theVictimIsNeverShownThePriorityAnAnalystReadWasShown() {
        JsonNode staff = read(analyst);
        JsonNode victim = read(token);
        JsonNode staffAgain = read(analyst);

        assertThat(staff.get("priority")).isNotNull();
        assertThat(victim.get("priority")).isNull();
        assertThat(victim.get("orientation")).isEqualTo(staff.get("orientation"));
        assertThat(staffAgain).isEqualTo(staff);
    }

    @Test
    void aStatusChangeIsInTheNextRead() {
        assertThat(read(analyst).get("status").asText()).isEqualTo("new");

        HttpResponse<String> moved =
                server.send(HttpRequest.newBuilder(server.base.resolve("/api/reports/" + id + "/status"))
                        .header("Authorization", "Bearer " + analyst)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("status=triaged&note=seen", StandardCharsets.UTF_8)));
        assertThat(moved.statusCode()).isEqualTo(200);

        JsonNode after = read(analyst);
        assertThat(after.get("status").asText()).isEqualTo("triaged");
        assertThat(after.get("history")).hasSize(2);
        assertThat(read(token).get("status").asText()).isEqualTo("triaged");
    }

    @Test
    void anErasureIsInTheNextRead() {
        assertThat(read(analyst).toString()).contains("ZEPHYRNARRATIVE4409");

        server.reports.erase(List.of(id), "dpo", "art. 17 request 3");

        JsonNode after = read(analyst);
        assertThat(after.toString()).doesNotContain("ZEPHYRNARRATIVE4409");
        assertThat(after.get("evidence")).isEmpty();
    }

    @Test
    void whatTheRetentionJobPurgedIsNotInTheNextReadAndAReportItRemovedIsNotFound() {
        assertThat(read(analyst).get("evidence")).hasSize(1);
        Instant now = Instant.now();

        server.reports.runRetention(
                Retention.Policy.DEFAULTS, later(now, Period.ofYears(5).plusDays(2)));
        JsonNode purged = read(analyst);
        assertThat(purged.get("evidence")).isEmpty();
        assertThat(purged.get("narrative").asText()).isEmpty();

        server.reports.runRetention(
                Retention.Policy.DEFAULTS, later(now, Period.ofYears(10).plusDays(2)));
        assertThat(get(server.base, analyst).statusCode()).isEqualTo(404);
    }

    static Instant later(Instant from, Period period) {
        return from.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    @Test
    void aReportLinkedToItsCampaignAfterAReadIsCountedInTheNextReadsPriority() {
        String first = linked(0);
        for (int i = 1; i < 9; i++) {
            linked(i);
        }
        id = first;
        JsonNode nine = read(analyst);
        assertThat(nine.get("campaign").get("size").asInt()).isEqualTo(9);
        assertThat(nine.get("priority").get("factors").findValuesAsText("id")).doesNotContain("campaign_growing");

        linked(9);

        JsonNode ten = read(analyst);
        assertThat(ten.get("campaign").get("size").asInt()).isEqualTo(10);
        assertThat(ten.get("priority").get("factors").findValuesAsText("id")).contains("campaign_growing");
    }

    /** A report without evidence that gives the same phone number as the others: they make one campaign. */
    String linked(int n) {
        return server.reports
                .submit(
                        java.util.Map.of(
                                "narrative", List.of("Un faux conseiller m'a appelé, appel numéro " + n),
                                "identifier", List.of("+33 7 58 41 29 63")),
                        List.of(),
                        "api")
                .id();
    }

    @Test
    void viewsPastTheirBudgetAreDroppedSoMemoryStaysBounded() {
        ReportViews views = new ReportViews(app.router(), 20_000);
        for (int i = 0; i < 200; i++) {
            views.make(report("VG-" + i, "x".repeat(500)), 1);
        }

        assertThat(views.bytes()).isBetween(1L, 20_000L);
        assertThat(views.get("VG-199")).isNotNull();
    }

    static Report report(String id, String narrative) {
        return new Report(
                id,
                Instant.parse("2026-11-20T10:15:30Z"),
                "api",
                new Situation(false, "FR", Lang.FR),
                Channel.EMAIL,
                narrative,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Status.NEW,
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                0,
                List.of(),
                Optional.empty());
    }
}
