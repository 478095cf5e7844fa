package fr.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.detect.Analysis;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.identifier.Found;
import fr.vigie.identifier.Kind;
import fr.vigie.ocr.Ocr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Screenshots rendered by the test itself (chat bubbles in French and English, photographed by Chromium), read by
 * Tesseract, and compared with the text they were made from: the identifiers planted in them, and the verdict.
 */
class ScreenshotOcrTest {
    private static final Set<Kind> PLANTED = EnumSet.of(Kind.PHONE, Kind.URL, Kind.IBAN, Kind.BTC, Kind.ETH, Kind.TRX);

    private static Browser browser;
    private static final List<ChatScreenshots.Chat> CHATS = new ArrayList<>();
    /** What Tesseract read in each chat, in the order of CHATS (read once: OCR is the slow part). */
    private static final List<String> READ = new ArrayList<>();

    @BeforeAll
    static void render() throws Exception {
        Browser.assumeInstalled();
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/tesseract")),
                "OCR tests skipped: install tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng");
        browser = Browser.start(true, 2, "fr");
        for (String name : ChatScreenshots.CHATS) {
            ChatScreenshots.Chat chat = ChatScreenshots.render(browser, name);
            CHATS.add(chat);
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.write(Browser.SCREENSHOTS.resolve("chat-" + name + ".png"), chat.png());
        }
        browser.close();
        browser = null;
        Ocr ocr = new Ocr();
        for (ChatScreenshots.Chat chat : CHATS) {
            READ.add(ocr.read(chat.png()));
        }
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private static Set<String> planted(Harmonised h) {
        return h.identifiers().stream()
                .filter(f -> PLANTED.contains(f.identifier().kind()))
                .map(ScreenshotOcrTest::key)
                .collect(Collectors.toSet());
    }

    private static String key(Found f) {
        return f.identifier().kind().id() + ":" + f.identifier().normalized();
    }

    @Test
    void atLeast95PercentOfPlantedIdentifiersAreRecoveredExactly() {
        int planted = 0;
        int recovered = 0;
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < CHATS.size(); i++) {
            ChatScreenshots.Chat chat = CHATS.get(i);
            Set<String> truth = planted(WebServer.APP.harmoniser().harmoniseText(chat.text()));
            Set<String> read = planted(WebServer.APP.harmoniser().harmoniseText(READ.get(i)));
            planted += truth.size();
            for (String id : truth) {
                if (read.contains(id)) {
                    recovered++;
                } else {
                    missed.add(chat.name() + " " + id);
                }
            }
        }
        assertThat(planted).as("identifiers planted in the chats").isGreaterThanOrEqualTo(20);
        assertThat(recovered * 100.0 / planted)
                .as("recovered %d of %d; missed: %s", recovered, planted, missed)
                .isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void screenshotGetsTheSameVerdictAsItsText() {
        List<String> different = new ArrayList<>();
        for (int i = 0; i < CHATS.size(); i++) {
            ChatScreenshots.Chat chat = CHATS.get(i);
            Analysis fromText =
                    WebServer.APP.detector().analyse(WebServer.APP.harmoniser().harmoniseText(chat.text()));
            Analysis fromImage =
                    WebServer.APP.detector().analyse(WebServer.APP.harmoniser().harmoniseText(READ.get(i)));
            if (fromText.verdict() != fromImage.verdict()) {
                different.add(chat.name() + ": text " + fromText.verdict() + ", screenshot " + fromImage.verdict());
            }
        }
        assertThat(different).isEmpty();
    }

    @Test
    void bubblesAreReadTopToBottomWhicheverSideTheyAreOn() {
        ChatScreenshots.Chat chat = CHATS.get(0);
        String read = READ.get(0);
        List<String> bubbles = ChatScreenshots.bubbles(chat.name());
        int last = -1;
        for (String bubble : bubbles) {
            String firstWords =
                    String.join(" ", List.of(bubble.substring(2).split(" ")).subList(0, 3));
            int at = read.indexOf(firstWords);
            assertThat(at)
                    .as("bubble \"%s\" read after the one before it in:\n%s", firstWords, read)
                    .isGreaterThan(last);
            last = at;
        }
    }
}
