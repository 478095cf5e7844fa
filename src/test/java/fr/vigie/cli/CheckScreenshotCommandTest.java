package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CheckScreenshotCommandTest {
    private static Path copy(String fixture, Path dir) throws Exception {
        Path file = dir.resolve(Path.of(fixture).getFileName());
        try (InputStream in = CheckScreenshotCommandTest.class.getResourceAsStream("/" + fixture)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void screenshotIsReadAndCheckedLikeText(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/tesseract")), "OCR test skipped: install tesseract-ocr");
        CliRun run = CliRun.vigie(
                "check", "--json", copy("web/chat-fr-banque.png", dir).toString());
        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("\"verdict\":\"scam\"")
                .contains("\"normalized\":\"FR7630006000011234567890189\"");
    }

    @Test
    void imageBombGivesTheUnreadableInputCodeAndItsReason(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        CliRun run =
                CliRun.vigie("check", copy("web/bomb-100000x100000.png", dir).toString());
        assertThat(run.code()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(run.err()).contains("100000 × 100000").doesNotContain("Exception");
    }
}
