package fr.vigie.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/check} with a screenshot: read by OCR at the edge, then the same analysis as pasted text. */
class CheckScreenshotTest {
    @BeforeAll
    static void tesseract() {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/tesseract")), "OCR test skipped: install tesseract-ocr");
    }

    private static List<String> identifiers(com.fasterxml.jackson.databind.JsonNode answer) {
        List<String> found = new ArrayList<>();
        answer.get("indicators")
                .forEach(i -> found.add(
                        i.get("kind").asText() + ":" + i.get("normalized").asText()));
        return found;
    }

    @Test
    void screenshotPostedAsImageIsReadAndAnalysed() {
        try (TestServer server = new TestServer(1 << 20)) {
            var response = server.post("/api/check?lang=fr", "image/png", TestServer.fixture("web/chat-fr-banque.png"));
            assertThat(response.statusCode()).isEqualTo(200);
            var answer = TestServer.json(response);
            assertThat(answer.get("verdict").asText()).isEqualTo("scam");
            assertThat(identifiers(answer))
                    .contains(
                            "iban:FR7630006000011234567890189",
                            "phone:+33612345678",
                            "btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
        }
    }

    @Test
    void screenshotUploadedInAFormIsReadToo() {
        try (TestServer server = new TestServer(1 << 20)) {
            var response = server.postForm(
                    "/api/check",
                    new TestServer.Field("file", "capture.png", TestServer.fixture("web/chat-fr-banque.png")));
            assertThat(TestServer.json(response).get("verdict").asText()).isEqualTo("scam");
        }
    }

    @Test
    void imageBombIsRefusedWithItsReason() {
        try (TestServer server = new TestServer(1 << 20)) {
            var response = server.post("/api/check", "image/png", TestServer.fixture("web/bomb-100000x100000.png"));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(response).get("error").asText()).isEqualTo("image.too_many_pixels");
        }
    }
}
