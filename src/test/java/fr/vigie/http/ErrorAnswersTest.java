package fr.vigie.http;

import static fr.vigie.http.TestServer.fixture;
import static fr.vigie.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.http.TestServer.Field;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every refusal is JSON {error, detail} with the right status, says nothing internal, and leaves the server up. */
class ErrorAnswersTest {
    /** Small, so that an oversized body costs little; every fixture here is far below it. */
    private static final long LIMIT = 64 * 1024;

    private static final String SECRET = "internal secret 4711";

    private static TestServer server;

    @BeforeAll
    static void start() {
        Endpoint failing = new Endpoint(HandlerType.GET, "/test/failure", ctx -> {
            throw new IllegalStateException(SECRET);
        });
        server = new TestServer(LIMIT, List.of(failing));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The status, the error code, a detail, and nothing that looks like a stack trace or an exception. */
    private static JsonNode refused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo(code);
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(body.size()).isEqualTo(2);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", ".java:", "fr.vigie.", "io.javalin");
        return body;
    }

    private static void stillAnswers() {
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void bodyOverTheLimitIs413AndTheServerStillAnswers() {
        byte[] big = new byte[(int) LIMIT * 3];
        java.util.Arrays.fill(big, (byte) 'a');
        refused(server.post("/api/check", "text/plain", big), 413, "too_large");
        stillAnswers();
        refused(server.post("/api/check", "message/rfc822", big), 413, "too_large");
        stillAnswers();
    }

    @Test
    void bodyOverTheLimitIsRefusedBeforeItIsSentWhenTheClientAsksToContinue() {
        byte[] big = new byte[(int) LIMIT * 3];
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.base.resolve("/api/check"))
                .header("Content-Type", "message/rfc822")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        refused(response, 413, "too_large");
        stillAnswers();
    }

    @Test
    void bodyOverTheLimitWithoutContentLengthIs413() {
        byte[] big = new byte[(int) LIMIT * 3];
        java.util.Arrays.fill(big, (byte) 'a');
        // a stream publisher sends chunked: the limit is found while reading, not announced
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.base.resolve("/api/check"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        refused(response, 413, "too_large");
        stillAnswers();
    }

    @Test
    void formUploadOverTheLimitIs413() {
        byte[] big = new byte[(int) LIMIT * 3];
        java.util.Arrays.fill(big, (byte) 'a');
        refused(server.postForm("/api/check", new Field("file", "big.eml", big)), 413, "too_large");
        HttpResponse<String> chunked = server.send(HttpRequest.newBuilder(server.base.resolve("/api/check"))
                .header("Content-Type", "multipart/form-data; boundary=" + TestServer.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(TestServer.multipart(new Field("file", "big.eml", big))))));
        refused(chunked, 413, "too_large");
        stillAnswers();
    }

    @Test
    void malformedMultipartIs400() {
        refused(
                server.post(
                        "/api/check", "multipart/form-data; boundary=vigie", fixture("http/malformed-multipart.txt")),
                400,
                "bad_multipart");
        refused(server.post("/api/check", "multipart/form-data", "no boundary".getBytes()), 400, "bad_multipart");
        stillAnswers();
    }

    @Test
    void formWithoutOrWithTwoMessagesIs400() {
        refused(server.postForm("/api/check", Field.text("lang", "fr")), 400, "no_message");
        refused(
                server.postForm("/api/check", Field.text("text", "un"), new Field("file", "m.eml", "deux".getBytes())),
                400,
                "several_messages");
    }

    @Test
    void emptyBodyIs400() {
        refused(server.post("/api/check", "text/plain", new byte[0]), 400, "empty");
        refused(server.post("/api/check", "message/rfc822", new byte[0]), 400, "empty");
        refused(server.postForm("/api/check", Field.text("text", "  \n")), 400, "empty");
    }

    @Test
    void textThatIsNotValidUtf8Is400() {
        refused(server.post("/api/check", "text/plain", fixture("http/latin1-text.txt")), 400, "encoding");
        refused(
                server.postForm("/api/check", new Field("text", null, fixture("http/latin1-text.txt"))),
                400,
                "encoding");
    }

    @Test
    void textDeclaredInItsCharsetIsRead() {
        HttpResponse<String> latin1 =
                server.post("/api/check", "text/plain; charset=ISO-8859-1", fixture("http/latin1-text.txt"));
        assertThat(latin1.statusCode()).isEqualTo(200);
        assertThat(json(latin1).get("indicators").findValuesAsText("normalized"))
                .contains("https://colis-suivi.info/pay");
    }

    @Test
    void nulCharactersAreRefusedWith400() {
        refused(server.post("/api/check", "text/plain", fixture("http/nul-in-text.txt")), 400, "nul");
        refused(server.postForm("/api/check", new Field("text", null, fixture("http/nul-in-text.txt"))), 400, "nul");
        byte[] nulFilled = java.util.Arrays.copyOf(fixture("hostile/nul-filled.bin.gz"), 16 * 1024);
        refused(server.post("/api/check", "application/octet-stream", nulFilled), 400, "binary");
        stillAnswers();
    }

    @Test
    void messageOverAHarmonisationLimitIs400WithTheLimitsCode() {
        byte[] nested = fixture("hostile/nested-10000-multiparts.eml.gz");
        if (nested.length > LIMIT) {
            nested = java.util.Arrays.copyOf(nested, (int) LIMIT); // the nesting is refused before the cut
        }
        JsonNode body = refused(server.post("/api/check", "message/rfc822", nested), 400, "limit.maxDepth");
        assertThat(body.get("detail").asText()).contains("maxDepth");
    }

    @Test
    void unsupportedMediaTypeOrCharsetIs415() {
        refused(server.post("/api/check", "application/json", "{}".getBytes()), 415, "unsupported_media_type");
        refused(
                server.send(HttpRequest.newBuilder(server.base.resolve("/api/check"))
                        .POST(HttpRequest.BodyPublishers.ofString("hello"))),
                415,
                "unsupported_media_type");
        refused(
                server.post("/api/check", "text/plain; charset=klingon-8", "hello".getBytes()),
                415,
                "unsupported_charset");
    }

    @Test
    void badLangOrCountryIs400() {
        byte[] sms = fixture("messages/sms-delivery.txt");
        refused(server.post("/api/check?lang=de", "text/plain", sms), 400, "bad_lang");
        refused(server.post("/api/check?country=France", "text/plain", sms), 400, "bad_country");
        refused(server.post("/api/check?country=ZZ", "text/plain", sms), 400, "bad_country");
    }

    @Test
    void unknownRouteIs404() {
        refused(server.get("/nothing/here"), 404, "not_found");
        refused(server.post("/api/nothing", "text/plain", "x".getBytes()), 404, "not_found");
    }

    @Test
    void wrongMethodIs405WithTheAllowedOnes() {
        HttpResponse<String> response = server.get("/api/check");
        refused(response, 405, "method_not_allowed");
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void unexpectedFailureIs500WithAGenericDetail() {
        JsonNode body = refused(server.get("/test/failure"), 500, "internal");
        assertThat(body.toString()).doesNotContain(SECRET).doesNotContain("IllegalState");
        stillAnswers();
    }

    @Test
    void headerSectionTooLargeForJettyIsJsonToo() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.base.resolve("/health"))
                .header("X-Padding", "a".repeat(64 * 1024))
                .GET());
        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(json(response).get("error").asText()).isEqualTo("headers_too_large");
        stillAnswers();
    }
}
