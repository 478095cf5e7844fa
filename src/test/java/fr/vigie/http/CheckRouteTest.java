package fr.vigie.http;

import static fr.vigie.http.TestServer.APP;
import static fr.vigie.http.TestServer.cliAnswer;
import static fr.vigie.http.TestServer.fixture;
import static fr.vigie.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.http.TestServer.Field;
import fr.vigie.i18n.Lang;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/check} answers what {@code vigie check --json} prints, however the message is sent. */
class CheckRouteTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(HttpServer.defaultMaxBodyBytes(APP.config().limits()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String text(String path) {
        return new String(fixture(path), StandardCharsets.UTF_8);
    }

    @Test
    void pastedScamTextGetsTheCommandLinesJson() {
        HttpResponse<String> response =
                server.post("/api/check", "text/plain; charset=utf-8", fixture("messages/sms-delivery.txt"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode answer = json(response);
        assertThat(answer)
                .isEqualTo(cliAnswer(APP.harmoniser().harmoniseText(text("messages/sms-delivery.txt")), Lang.FR));
        assertThat(answer.get("kind").asText()).isEqualTo("text");
        assertThat(answer.get("verdict").asText()).isIn("scam", "suspicious");
    }

    @Test
    void emlUploadedAsAFormFileGetsTheCommandLinesJson() {
        byte[] eml = fixture("messages/fake-interpol.eml");
        HttpResponse<String> response = server.postForm("/api/check", new Field("file", "message.eml", eml));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer).isEqualTo(cliAnswer(APP.harmoniser().harmonise(eml), Lang.FR));
        assertThat(answer.get("verdict").asText()).isEqualTo("scam");
        assertThat(answer.get("headers").get("originatingIp").get("ip").asText())
                .isEqualTo("185.220.101.33");
    }

    @Test
    void emlSentAsTheRawBodyGetsTheCommandLinesJson() {
        byte[] eml = fixture("messages/fake-interpol.eml");
        JsonNode expected = cliAnswer(APP.harmoniser().harmonise(eml), Lang.FR);
        assertThat(json(server.post("/api/check", "message/rfc822", eml))).isEqualTo(expected);
        assertThat(json(server.post("/api/check", "application/octet-stream", eml)))
                .isEqualTo(expected);
    }

    @Test
    void textFormFieldIsReadAsPastedText() {
        String sms = text("messages/sms-delivery.txt");
        HttpResponse<String> response = server.postForm("/api/check", Field.text("text", sms));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(cliAnswer(APP.harmoniser().harmoniseText(sms), Lang.FR));
    }

    @Test
    void langParameterThenAcceptLanguageChooseTheAnswersLanguage() {
        byte[] eml = fixture("messages/fake-interpol.eml");
        assertThat(json(server.post("/api/check?lang=en", "message/rfc822", eml))
                        .get("answerLanguage")
                        .asText())
                .isEqualTo("en");
        HttpResponse<String> byHeader = server.send(HttpRequest.newBuilder(server.base.resolve("/api/check"))
                .header("Content-Type", "message/rfc822")
                .header("Accept-Language", "de-DE, en-GB;q=0.8, fr;q=0.5")
                .POST(HttpRequest.BodyPublishers.ofByteArray(eml)));
        JsonNode english = json(byHeader);
        assertThat(english.get("answerLanguage").asText()).isEqualTo("en");
        assertThat(english).isEqualTo(cliAnswer(APP.harmoniser().harmonise(eml), Lang.EN));
        HttpResponse<String> formLang =
                server.postForm("/api/check", new Field("file", "m.eml", eml), Field.text("lang", "en"));
        assertThat(json(formLang).get("answerLanguage").asText()).isEqualTo("en");
        assertThat(json(server.post("/api/check", "message/rfc822", eml))
                        .get("answerLanguage")
                        .asText())
                .isEqualTo("fr");
    }

    @Test
    void countryParameterReadsNationalPhoneNumbersAsThatCountrys() {
        byte[] sms = fixture("http/belgian-sms.txt");
        JsonNode belgian = json(server.post("/api/check?country=BE", "text/plain", sms));
        assertThat(belgian.get("indicators").findValuesAsText("normalized")).contains("+32470123456");
        JsonNode asForm = json(server.postForm(
                "/api/check", Field.text("text", text("http/belgian-sms.txt")), Field.text("country", "be")));
        assertThat(asForm).isEqualTo(belgian);
        assertThat(json(server.post("/api/check", "text/plain", sms))
                        .get("indicators")
                        .findValuesAsText("normalized"))
                .doesNotContain("+32470123456");
    }

    @Test
    void emptyLangAndCountryAreTakenAsNotGiven() {
        String sms = text("messages/sms-delivery.txt");
        HttpResponse<String> response = server.postForm(
                "/api/check?lang=", Field.text("text", sms), Field.text("lang", ""), Field.text("country", " "));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(cliAnswer(APP.harmoniser().harmoniseText(sms), Lang.FR));
    }

    @Test
    void answerCarriesTheOrientationOfThePersonsCountry() {
        byte[] sms = fixture("messages/sms-delivery.txt");
        JsonNode belgian =
                json(server.post("/api/check?country=BE", "text/plain", sms)).get("orientation");
        assertThat(belgian.get("jurisdiction").asText()).isEqualTo("BE");
        assertThat(belgian.get("steps").findValuesAsText("service")).contains("point_de_contact", "keep_evidence");
        JsonNode elsewhere =
                json(server.post("/api/check?country=BR", "text/plain", sms)).get("orientation");
        assertThat(elsewhere.get("jurisdiction").asText()).isEqualTo("general");
        assertThat(elsewhere.get("steps").findValuesAsText("service"))
                .contains("do_not_answer", "keep_evidence")
                .doesNotContain("point_de_contact", "pharos");
    }

    @Test
    void minorFieldPutsTheChildProtectionStepsFirst() {
        String sms = text("messages/sms-delivery.txt");
        JsonNode minor = json(server.postForm("/api/check", Field.text("text", sms), Field.text("minor", "true")))
                .get("orientation");
        assertThat(minor.get("steps").findValuesAsText("service")).startsWith("trusted_adult", "e_enfance_3018");
        assertThat(server.post(
                                "/api/check?minor=perhaps",
                                "text/plain",
                                sms.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(400);
    }
}
