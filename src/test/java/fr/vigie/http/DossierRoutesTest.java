package fr.vigie.http;

import static fr.vigie.http.TestServer.fixture;
import static fr.vigie.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.http.TestServer.Field;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dossier routes on a real server: who may download which dossier, and what comes back. */
class DossierRoutesTest {
    /** An analyst's API key on this test's server. */
    static String analyst;

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static TestServer server;
    static String id;
    static String token;
    static String campaign;

    @BeforeAll
    static void start() {
        server = new TestServer(new App(Config.defaults()), 1 << 20, List.of());
        analyst = server.key(Role.ANALYST);
        JsonNode first = null;
        for (String narrative : List.of("Convocation reçue, j'ai payé 450 €.", "Même convocation, rien payé.")) {
            JsonNode answer = json(server.postForm(
                    "/api/reports",
                    Field.text("narrative", narrative),
                    Field.text("channel", "email"),
                    Field.text("loss", "450 EUR coupon 2026-11-03"),
                    Field.text("identifier", "FR76 3000 6000 0112 3456 7890 189"),
                    new Field("evidence", "convocation.eml", fixture("messages/fake-interpol.eml"))));
            first = first == null ? answer : first;
        }
        id = first.get("id").asText();
        token = first.get("token").asText();
        campaign = server.reports.store().campaignOf(id).orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.base.resolve(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[\\s\\u00a0]+", " ");
        }
    }

    @Test
    void theVictimDownloadsTheirDossierWithTheFollowUpToken() throws Exception {
        HttpResponse<byte[]> answer = get("/api/reports/" + id + "/dossier.pdf", token);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"dossier-" + id + ".pdf\"");
        assertThat(text(answer.body())).contains("Dossier de plainte", id, "Convocation reçue, j'ai payé 450 €.");
    }

    @Test
    void theDossierComesInTheLanguageAskedFor() throws Exception {
        assertThat(text(get("/api/reports/" + id + "/dossier.pdf?lang=en", token)
                        .body()))
                .contains("Complaint dossier");
        assertThat(get("/api/reports/" + id + "/dossier.pdf?lang=de", token).statusCode())
                .isEqualTo(400);
    }

    @Test
    void anAnalystDownloadsAnyReportsDossier() throws Exception {
        assertThat(get("/api/reports/" + id + "/dossier.pdf", analyst).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aWrongTokenAndAnUnknownReportGetTheSame404() throws Exception {
        HttpResponse<byte[]> wrong = get("/api/reports/" + id + "/dossier.pdf", "not-the-token");
        HttpResponse<byte[]> unknown = get("/api/reports/VG-0000000000000/dossier.pdf", token);
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(wrong.body())).isEqualTo(new String(unknown.body()));
    }

    @Test
    void withoutATokenTheDossierIsRefused() throws Exception {
        assertThat(get("/api/reports/" + id + "/dossier.pdf", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anAnalystDownloadsACampaignDossier() throws Exception {
        HttpResponse<byte[]> answer = get("/api/campaigns/" + campaign + "/dossier.pdf?lang=en", analyst);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(text(answer.body())).contains("Investigation dossier", campaign, id);
    }

    @Test
    void aVictimsTokenDoesNotOpenACampaignDossier() throws Exception {
        assertThat(get("/api/campaigns/" + campaign + "/dossier.pdf", token).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/campaigns/" + campaign + "/dossier.pdf", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anUnknownCampaignIs404() throws Exception {
        HttpResponse<byte[]> answer = get("/api/campaigns/C-999999/dossier.pdf", analyst);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(new String(answer.body())).contains("no_such_campaign");
    }
}
