package fr.vigie.http;

import static fr.vigie.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.access.Role;
import fr.vigie.store.Accounts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Analysts see a pseudonym; a supervisor who writes why sees who reported, and the reveal is audited. */
class RevealTest {
    TestServer server;
    String id;

    @BeforeEach
    void start() {
        server = new TestServer(1 << 20);
        id = json(server.post(
                        "/api/reports",
                        "application/x-www-form-urlencoded",
                        "narrative=faux+conseiller&contact_name=Jeanne+Canari&contact_email=jeanne.canari%40example.fr"
                                .getBytes(StandardCharsets.UTF_8)))
                .get("id")
                .asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> reveal(String key, String body) {
        return server.send(HttpRequest.newBuilder(server.base.resolve("/api/reports/" + id + "/reveal"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void analystsSeeAStablePseudonymAndNeverTheIdentity() {
        String analyst = server.key(Role.ANALYST);
        JsonNode report = json(server.send(HttpRequest.newBuilder(server.base.resolve("/api/reports/" + id))
                .header("Authorization", "Bearer " + analyst)));

        assertThat(report.get("reporter").asText()).startsWith("P-");
        assertThat(report.toString()).doesNotContain("Canari").doesNotContain("jeanne.canari");
        assertThat(reveal(analyst, "reason=Je+veux+savoir+qui+c%27est").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRevealWithoutAReasonIsRefusedAndNothingIsAudited() {
        String supervisor = server.key(Role.SUPERVISOR);

        HttpResponse<String> none = reveal(supervisor, "");
        HttpResponse<String> blank = reveal(supervisor, "reason=+++");
        HttpResponse<String> tooShort = reveal(supervisor, "reason=parce+que");

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(json(none).get("error").asText()).isEqualTo("reason_required");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(none.body() + blank.body() + tooShort.body()).doesNotContain("Canari");
        assertThat(server.reports.store().accounts().events())
                .noneMatch(e -> e.action().equals("reveal"));
    }

    @Test
    void aRevealWithAReasonAnswersTheIdentityAndIsAuditedWithWhoWhatAndWhy() {
        String supervisor = server.key(Role.SUPERVISOR);
        String reason = "Réquisition judiciaire n° 2026-117 du parquet de Lyon";

        HttpResponse<String> revealed =
                reveal(supervisor, "reason=" + java.net.URLEncoder.encode(reason, StandardCharsets.UTF_8));

        assertThat(revealed.statusCode()).isEqualTo(200);
        JsonNode identity = json(revealed);
        assertThat(identity.get("name").asText()).isEqualTo("Jeanne Canari");
        assertThat(identity.get("email").asText()).isEqualTo("jeanne.canari@example.fr");
        assertThat(identity.get("pseudonym").asText()).startsWith("P-");
        Accounts.Event event = server.reports.store().accounts().events().stream()
                .filter(e -> e.action().equals("reveal"))
                .findFirst()
                .orElseThrow();
        assertThat(event.actor()).startsWith("supervisor:");
        assertThat(event.target()).isEqualTo("report:" + id);
        assertThat(event.reason()).hasValue(reason);
    }
}
