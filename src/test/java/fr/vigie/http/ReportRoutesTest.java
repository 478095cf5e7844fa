package fr.vigie.http;

import static fr.vigie.http.TestServer.fixture;
import static fr.vigie.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.http.TestServer.Field;
import fr.vigie.message.Evidence;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportRoutesTest {
    static App app;

    TestServer server;
    /** An analyst's API key on this test's server. */
    String analyst;

    @BeforeAll
    static void wire() {
        app = new App(Config.defaults());
    }

    @BeforeEach
    void start() {
        server = new TestServer(app, 1 << 20, List.of());
        analyst = server.key(Role.ANALYST);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @AfterAll
    static void done() {
        app = null;
    }

    static Field file(String name, byte[] bytes) {
        return new Field("evidence", name, bytes);
    }

    static byte[] compressed(String path) {
        try (var in = ReportRoutesTest.class.getResourceAsStream("/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    HttpResponse<String> submitInterpol(String narrative) {
        return server.postForm(
                "/api/reports",
                Field.text("narrative", narrative),
                Field.text("channel", "email"),
                Field.text("loss", "450 EUR coupon 2026-11-03"),
                Field.text("contact_email", "victime@example.fr"),
                file("convocation.eml", fixture("messages/fake-interpol.eml")));
    }

    HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.base.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request);
    }

    @Test
    void anUploadedEmlIsFetchedBackByItsTokenWithItsEvidenceBytesExact() throws Exception {
        HttpResponse<String> created = submitInterpol("On me demande 450 € en coupons PCS.");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode submission = json(created);
        String id = submission.get("id").asText();
        String token = submission.get("token").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/reports/" + id);

        JsonNode report = json(get("/api/reports/" + id, token));
        assertThat(report.get("narrative").asText()).isEqualTo("On me demande 450 € en coupons PCS.");
        assertThat(report.get("verdict").asText()).isEqualTo("scam");
        assertThat(report.get("losses").get(0).get("method").asText()).isEqualTo("coupon");
        assertThat(report.toString()).doesNotContain("victime@example.fr");
        JsonNode evidence = report.get("evidence").get(0);
        byte[] eml = fixture("messages/fake-interpol.eml");
        assertThat(evidence.get("sha256").asText()).isEqualTo(Evidence.sha256(eml));
        assertThat(evidence.get("analysis").get("verdict")).isNotNull();

        HttpResponse<byte[]> bytes = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        server.base.resolve(evidence.get("href").asText()))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(eml);
        assertThat(bytes.headers().firstValue("X-Content-SHA256")).hasValue(Evidence.sha256(eml));
        assertThat(server.reports.store().custody(Evidence.sha256(eml)))
                .extracting(c -> c.action() + ":" + c.actor())
                .containsExactly("received:api", "read:victim");
    }

    @Test
    void theVictimSeesWhereToTurnAndOnlyAnalystsSeeThePriority() {
        JsonNode submission = json(submitInterpol("J'ai payé 450 € en coupons PCS à un faux policier."));
        String id = submission.get("id").asText();
        String token = submission.get("token").asText();
        JsonNode victim = json(get("/api/reports/" + id, token));
        assertThat(victim.get("orientation").get("jurisdiction").asText()).isEqualTo("FR");
        assertThat(victim.get("orientation").get("steps").findValuesAsText("service"))
                .startsWith("coupon_issuer", "stop_paying")
                .contains("fake_authority_warning", "thesee", "pharos");
        assertThat(victim.has("priority")).isFalse();
        JsonNode asAnalyst = json(get("/api/reports/" + id, analyst));
        assertThat(asAnalyst.get("priority").get("factors").findValuesAsText("id"))
                .contains("extortion_running");
        assertThat(asAnalyst.get("priority").get("score").asInt()).isBetween(1, 100);
    }

    @Test
    void aWrongTokenIsRefusedAndAnUnknownIdGetsTheSameAnswer() {
        String id = json(submitInterpol("wrong token")).get("id").asText();

        HttpResponse<String> wrong = get("/api/reports/" + id, "not-the-token");
        HttpResponse<String> unknown = get("/api/reports/VG-000000000000", "not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(wrong)).isEqualTo(json(unknown));
        assertThat(get("/api/reports/" + id, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/reports/" + id + "/evidence/0", "not-the-token").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anOversizedUploadIs413AndNothingIsStored() {
        HttpResponse<String> refused = server.postForm(
                "/api/reports", Field.text("narrative", "big"), file("big.eml", new byte[(1 << 20) + 1]));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(json(refused).get("error").asText()).isEqualTo("too_large");
        assertThat(server.reports.store().count()).isZero();
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theSameSubmissionTwiceIsOneReport() {
        HttpResponse<String> first = submitInterpol("twice");
        HttpResponse<String> second = submitInterpol("twice");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("id")).isEqualTo(json(first).get("id"));
        assertThat(json(second).get("token")).isEqualTo(json(first).get("token"));
        assertThat(json(second).get("duplicate").asBoolean()).isTrue();
        assertThat(server.reports.store().count()).isEqualTo(1);
    }

    @Test
    void aWrongFieldIs400NamingItAndNothingIsStored() {
        HttpResponse<String> refused =
                server.postForm("/api/reports", Field.text("narrative", "x"), Field.text("loss", "beaucoup d'argent"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error").asText()).isEqualTo("field.loss");
        assertThat(json(refused).get("detail").asText()).contains("AMOUNT CURRENCY METHOD");
        assertThat(server.postForm("/api/reports", Field.text("password", "x")).statusCode())
                .isEqualTo(400);
        assertThat(server.reports.store().count()).isZero();
    }

    @Test
    void aUrlEncodedFormIsAReportToo() {
        HttpResponse<String> created = server.post(
                "/api/reports",
                "application/x-www-form-urlencoded",
                "narrative=Un+faux+conseiller+m%27a+appel%C3%A9&channel=phone&identifier=%2B33612345678"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asText();
        JsonNode report = json(get("/api/reports/" + id, analyst));
        assertThat(report.get("narrative").asText()).isEqualTo("Un faux conseiller m'a appelé");
        assertThat(report.get("identifiers").get(0).get("normalized").asText()).isEqualTo("+33612345678");
    }

    @Test
    void analystsListAndSearchReportsAndNobodyElseMay() throws IOException {
        String token = json(submitInterpol("J'ai payé la convocation en coupons"))
                .get("token")
                .asText();
        server.post(
                "/api/reports",
                "application/x-www-form-urlencoded",
                "narrative=Mon+colis+est+bloqu%C3%A9+et+on+me+demande+des+frais".getBytes(StandardCharsets.UTF_8));

        JsonNode all = json(get("/api/reports", analyst));
        assertThat(all.get("reports")).hasSize(2);
        JsonNode search = json(get("/api/reports?query=colis+bloque", analyst));
        assertThat(search.get("reports")).hasSize(1);
        JsonNode scheme = json(get("/api/reports?type=fake_authority", analyst));
        assertThat(scheme.get("reports")).hasSize(1);
        assertThat(get("/api/reports?from=not-a-date", analyst).statusCode()).isEqualTo(400);
        assertThat(get("/api/reports?query=%22", analyst).statusCode()).isEqualTo(400);

        assertThat(get("/api/reports", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/reports", token).statusCode()).isEqualTo(403);
    }

    @Test
    void analystsMoveAReportOnAndItsHistoryKeepsEveryStep() {
        JsonNode submission = json(submitInterpol("status"));
        String id = submission.get("id").asText();
        HttpRequest.Builder triage = HttpRequest.newBuilder(server.base.resolve("/api/reports/" + id + "/status"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("status=triaged&note=coupons+PCS"));

        assertThat(server.send(triage.copy()
                                .header(
                                        "Authorization",
                                        "Bearer " + submission.get("token").asText()))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> moved = server.send(triage.copy().header("Authorization", "Bearer " + analyst));
        assertThat(moved.statusCode()).isEqualTo(200);
        JsonNode history = json(moved).get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("status").asText()).isEqualTo("triaged");
        assertThat(history.get(1).get("note").asText()).isEqualTo("coupons PCS");
        assertThat(server.send(HttpRequest.newBuilder(server.base.resolve("/api/reports/" + id + "/status"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Authorization", "Bearer " + analyst)
                                .POST(HttpRequest.BodyPublishers.ofString("status=lost")))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anIdentifierIsLookedUpAsWrittenAcrossReports() {
        server.post(
                "/api/reports",
                "application/x-www-form-urlencoded",
                "narrative=virement&identifier=FR76+3000+6000+0112+3456+7890+189&loss=900+EUR+transfer"
                        .getBytes(StandardCharsets.UTF_8));
        server.post(
                "/api/reports",
                "application/x-www-form-urlencoded",
                "narrative=autre&identifier=fr7630006000011234567890189".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> found = get("/api/indicators/iban/FR76%203000%206000%200112%203456%207890%20189", analyst);
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode body = json(found);
        assertThat(body.get("kind").asText()).isEqualTo("iban");
        assertThat(body.get("normalized").asText()).isEqualTo("FR7630006000011234567890189");
        assertThat(body.get("reportCount").asInt()).isEqualTo(2);
        assertThat(body.get("losses").get("EUR").decimalValue()).isEqualByComparingTo("900");
        assertThat(body.get("warningListed").asBoolean()).isFalse();
        assertThat(body.get("campaigns")).hasSize(1);
        String campaign = body.get("campaigns").get(0).asText();
        String first = body.get("reports").get(0).asText();
        JsonNode report = json(get("/api/reports/" + first, analyst));
        assertThat(report.get("campaign").get("id").asText()).isEqualTo(campaign);
        assertThat(report.get("campaign").get("size").asInt()).isEqualTo(2);
        assertThat(get("/api/indicators/iban/not-an-iban", analyst).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/indicators/colour/blue", analyst).statusCode()).isEqualTo(400);
        assertThat(get("/api/indicators/iban/FR7630006000011234567890189", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aLookUpAskedAgainShowsTheReportsStoredSinceAndAnswersInTheLanguageAsked() {
        String iban = "/api/indicators/iban/FR7630006000011234567890189";
        server.post(
                "/api/reports",
                "application/x-www-form-urlencoded",
                "narrative=virement&identifier=FR7630006000011234567890189".getBytes(StandardCharsets.UTF_8));
        JsonNode before = json(get(iban, analyst));
        assertThat(json(get(iban, analyst))).isEqualTo(before);

        server.post(
                "/api/reports",
                "application/x-www-form-urlencoded",
                "narrative=autre&identifier=fr7630006000011234567890189&loss=900+EUR+transfer"
                        .getBytes(StandardCharsets.UTF_8));
        JsonNode after = json(get(iban, analyst));

        assertThat(before.get("reportCount").asInt()).isEqualTo(1);
        assertThat(after.get("reportCount").asInt()).isEqualTo(2);
        assertThat(after.get("losses").get("EUR").decimalValue()).isEqualByComparingTo("900");
        assertThat(after.get("campaigns")).hasSize(1);
        String gmail = "/api/indicators/domain/gmail.com";
        String french =
                json(get(gmail + "?lang=fr", analyst)).get("explanation").asText();
        String english =
                json(get(gmail + "?lang=en", analyst)).get("explanation").asText();
        assertThat(french).isNotEqualTo(english);
        assertThat(json(get(gmail + "?lang=fr", analyst)).get("explanation").asText())
                .isEqualTo(french);
    }

    @Test
    void hostileEvidenceIsKeptExactlyWhileItsAnalysisIsRefusedAndTheServerCarriesOn() {
        byte[][] files = {
            fixture("hostile/nested-10000-multiparts.eml.gz"),
            fixture("hostile/many-parts.eml.gz"),
            fixture("hostile/nul-filled.bin.gz"),
            fixture("hostile/invalid-utf8.eml"),
            compressed("hostile/base64-bomb.eml.gz") // the compressed file itself: kept, never inflated
        };
        String[] names = {"nested.eml", "many-parts.eml", "nul.txt", "invalid-utf8.eml", "bomb.eml.gz"};
        Field[] fields = new Field[files.length + 1];
        fields[0] = Field.text("narrative", "hostile");
        for (int i = 0; i < files.length; i++) {
            fields[i + 1] = file(names[i], files[i]);
        }

        server.close();
        server = new TestServer(app, 8 << 20, List.of()); // room for the inflated fixtures
        analyst = server.key(Role.ANALYST);

        HttpResponse<String> created = server.postForm("/api/reports", fields);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode report = json(get("/api/reports/" + json(created).get("id").asText(), analyst));
        JsonNode evidence = report.get("evidence");
        assertThat(evidence).hasSize(files.length);
        for (int i = 0; i < files.length; i++) {
            assertThat(evidence.get(i).get("sha256").asText()).isEqualTo(Evidence.sha256(files[i]));
            assertThat(evidence.get(i).get("size").asLong()).isEqualTo(files[i].length);
        }
        assertThat(evidence.get(2).get("unreadable").asText()).isEqualTo("binary");
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void analystsSeeCampaignsWithTheirFiguresExplanationsAndGraph() {
        String form = "application/x-www-form-urlencoded";
        server.post(
                "/api/reports",
                form,
                "narrative=un&identifier=FR76+3000+6000+0112+3456+7890+189&loss=900+EUR+transfer"
                        .getBytes(StandardCharsets.UTF_8));
        String token = json(server.post(
                        "/api/reports",
                        form,
                        "narrative=deux&identifier=fr7630006000011234567890189&minor=true"
                                .getBytes(StandardCharsets.UTF_8)))
                .get("token")
                .asText();
        server.post("/api/reports", form, "narrative=trois&identifier=%2B33698765432".getBytes(StandardCharsets.UTF_8));

        JsonNode list = json(get("/api/campaigns?sort=losses", analyst));
        assertThat(list.get("campaigns")).hasSize(1);
        JsonNode campaign = list.get("campaigns").get(0);
        assertThat(campaign.get("reports").asInt()).isEqualTo(2);
        assertThat(campaign.get("minors").asInt()).isEqualTo(1);
        assertThat(campaign.get("losses").get("EUR").decimalValue()).isEqualByComparingTo("900");

        JsonNode page = json(get("/api/campaigns/" + campaign.get("id").asText(), analyst));
        assertThat(page.get("reportIds")).hasSize(2);
        JsonNode shared = page.get("topIdentifiers").get(0);
        assertThat(shared.get("normalized").asText()).isEqualTo("FR7630006000011234567890189");
        assertThat(shared.get("explanation").asText()).isNotBlank();
        assertThat(page.get("graph").get("nodes")).hasSize(3);
        assertThat(page.get("graph").get("edges")).hasSize(2);
        JsonNode first = json(get("/api/campaigns/" + campaign.get("id").asText() + "?max=1", analyst));
        assertThat(first.get("reports").asInt()).isEqualTo(2);
        assertThat(first.get("reportIds")).hasSize(1);
        assertThat(first.get("graph").get("edges")).hasSize(1);
        assertThat(first.get("graph").get("edges").get(0).get("source").asText())
                .isEqualTo(first.get("reportIds").get(0).asText());

        assertThat(get("/api/campaigns/C-999", analyst).statusCode()).isEqualTo(404);
        assertThat(get("/api/campaigns?sort=colour", analyst).statusCode()).isEqualTo(400);
        assertThat(get("/api/campaigns", token).statusCode()).isEqualTo(403);
    }
}
