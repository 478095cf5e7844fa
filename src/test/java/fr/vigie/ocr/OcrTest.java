package fr.vigie.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class OcrTest {
    static byte[] fixture(String path) {
        try (InputStream in = OcrTest.class.getResourceAsStream("/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void imageBombIsRefusedByItsDeclaredSizeBeforeAnyDecoderRuns() {
        // the command does not exist: a refusal that came from running it would be OcrUnavailableException instead
        Ocr ocr = new Ocr("/nonexistent/tesseract", Ocr.Limits.DEFAULT);
        assertThatThrownBy(() -> ocr.read(fixture("web/bomb-100000x100000.png")))
                .isInstanceOfSatisfying(
                        BadInputException.class, e -> assertThat(e.code()).isEqualTo("image.too_many_pixels"))
                .hasMessageContaining("100000 × 100000");
    }

    @Test
    void imageOverTheByteLimitIsRefused() {
        Ocr ocr = new Ocr("/nonexistent/tesseract", new Ocr.Limits(1000, 40_000_000, 20_000, Duration.ofSeconds(5)));
        assertThatThrownBy(() -> ocr.read(fixture("web/chat-fr-banque.png")))
                .isInstanceOfSatisfying(
                        BadInputException.class, e -> assertThat(e.code()).isEqualTo("image.too_large"));
    }

    @Test
    void missingTesseractIsAClearErrorNotACrash() {
        Ocr ocr = new Ocr("/nonexistent/tesseract", Ocr.Limits.DEFAULT);
        assertThatThrownBy(() -> ocr.read(fixture("web/chat-fr-banque.png")))
                .isInstanceOf(OcrUnavailableException.class)
                .hasMessageContaining("tesseract-ocr");
    }

    @Test
    void imagesAreKnownByTheirBytesNotTheirName() {
        assertThat(Ocr.isImage(fixture("web/chat-fr-banque.png"))).isTrue();
        assertThat(Ocr.isImage("Return-Path: <a@b.fr>\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(ImageHeader.read(fixture("web/chat-fr-banque.png")).orElseThrow())
                .isEqualTo(new ImageHeader("png", 780, 1688));
    }

    @Test
    void bubblesAreReadTopToBottomAndWrappedLinksAndNumbersJoined() {
        String tsv = new String(fixture("web/two-bubbles.tsv"), StandardCharsets.UTF_8);
        assertThat(ReadingOrder.text(tsv))
                .isEqualTo("First bubble 06 12 34 56 78\nSecond bubble, https://secure-banque.com/login\n");
    }

    @Test
    void bech32WalletMisreadIsRepairedOnlyBecauseItsChecksumProvesIt() {
        assertThat(OcrRepair.repair("Adresse : bclqarOsrrr7xfkvy51643lydnw9re59gtzzwf5mdq"))
                .isEqualTo("Adresse : bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
        // one character really different: no reading passes the checksum, the text is left as read
        assertThat(OcrRepair.repair("bclqarOsrrr7xfkvy51643lydnw9re59gtzzwf5mdp"))
                .isEqualTo("bclqarOsrrr7xfkvy51643lydnw9re59gtzzwf5mdp");
    }

    @Test
    void ibanWithLettersReadForDigitsIsRepairedByItsCheckDigits() {
        assertThat(OcrRepair.repair("sur FR76 3OOO 6000 Ol12 3456 7890 189 merci"))
                .isEqualTo("sur FR76 3000 6000 0112 3456 7890 189 merci");
    }

    @Test
    void tesseractReadsTheScreenshotFixture() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/tesseract")), "OCR test skipped: install tesseract-ocr");
        String text = new Ocr().read(fixture("web/chat-fr-banque.png"));
        assertThat(text)
                .contains("FR76 3000 6000 0112 3456 7890 189")
                .contains("https://secure-banque-verif.com/login")
                .contains("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    }
}
