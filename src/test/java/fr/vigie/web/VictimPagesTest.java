package fr.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The victim's pages over plain HTTP (no browser): what a form post gets back. */
class VictimPagesTest {
    private static WebServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = new WebServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(server.base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void confirmationPageOffersTheDossierByAFormThatKeepsTheTokenOutOfTheAddress() throws Exception {
        String page =
                text(post("/report", Map.of("narrative", "On m'a demandé 450 euros en coupons PCS", "lang", "fr")));
        Matcher id = Pattern.compile("id=\"report-id\">([^<]+)<").matcher(page);
        Matcher token = Pattern.compile("id=\"report-token\">([^<]+)<").matcher(page);
        assertThat(id.find() && token.find())
                .as("the confirmation shows the number and code")
                .isTrue();
        assertThat(page).contains("action=\"/report/dossier\"").contains("method=\"post\"");

        HttpResponse<byte[]> pdf =
                post("/report/dossier", Map.of("id", id.group(1), "token", token.group(1), "lang", "fr"));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(id.group(1));
        }
    }

    @Test
    void aWrongCodeGetsNoDossier() throws Exception {
        String page = text(post("/report", Map.of("narrative", "Un faux conseiller bancaire", "lang", "fr")));
        Matcher id = Pattern.compile("id=\"report-id\">([^<]+)<").matcher(page);
        assertThat(id.find()).isTrue();

        HttpResponse<byte[]> answer = post("/report/dossier", Map.of("id", id.group(1), "token", "not-the-code"));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }

    @Test
    void aFieldErrorIsSaidInThePagesLanguage() throws Exception {
        Map<String, String> bad = Map.of("narrative", "perte", "loss_amount", "beaucoup", "lang", "fr");

        String french = text(post("/report", bad));
        String english = text(post("/report", Map.of("narrative", "loss", "loss_amount", "lots", "lang", "en")));

        assertThat(french)
                .contains("Argent perdu")
                .contains("écrivez un montant positif")
                .doesNotContain("is not a number");
        assertThat(english).contains("write a positive amount").doesNotContain("n'est pas");
    }

    @Test
    void aFrenchAmountWithACommaIsAccepted() throws Exception {
        HttpResponse<byte[]> answer =
                post("/report", Map.of("narrative", "virement", "loss_amount", "49,90", "loss_method", "transfer"));

        assertThat(answer.statusCode()).isEqualTo(201);
    }
}
