package fr.vigie.forensics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fr.vigie.message.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** examine must never throw, whatever the headers hold. */
class RobustnessTest {
    private static final List<String> NAMES = List.of(
            "Received",
            "Authentication-Results",
            "ARC-Authentication-Results",
            "Received-SPF",
            "DKIM-Signature",
            "From",
            "Reply-To",
            "Return-Path",
            "Sender",
            "Message-ID",
            "Date",
            "X-Originating-IP");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 ()[]<>@.;:=\"\\-+,\t\r\nÉé\u200b";

    private final HeaderForensics forensics = new HeaderForensics(HeaderForensicsTest.LISTS);

    @Test
    void garbageHeadersNeverThrow() {
        Random random = new Random(12345L); // fixed seed: a failure can be replayed
        for (int message = 0; message < 300; message++) {
            List<Header> headers = new ArrayList<>();
            for (int field = 0; field < 12; field++) {
                String value = garbage(random, random.nextInt(300));
                headers.add(new Header(field, NAMES.get(random.nextInt(NAMES.size())), value, value));
            }
            byte[] raw = garbage(random, 200).getBytes(StandardCharsets.UTF_8);
            assertThatCode(() -> forensics.examine(headers, raw)).doesNotThrowAnyException();
        }
    }

    @Test
    void hugeReceivedValueIsReadOnlyInPart() {
        String huge = "from " + "a(".repeat(50_000) + " by b.example; Fri, 1 Mar 2024 10:00:00 +0000";

        HeaderFindings findings = forensics.examine(List.of(new Header(0, "Received", huge, huge)), new byte[0]);

        assertThat(findings.hasWarning("oversized_hop")).isTrue();
    }

    private static String garbage(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** Real mail, when the shared corpus is on this machine: every message is examined without an exception. */
    @Test
    void sharedCorpusNeverThrows() throws IOException {
        Path root = Path.of(System.getProperty("vigie.shared.data", "../shared/data"));
        List<Path> folders = Stream.of("spamassassin-testdata", "phishing-pot")
                .map(root::resolve)
                .filter(Files::isDirectory)
                .toList();
        Assumptions.assumeFalse(folders.isEmpty(), "shared mail corpus not found under " + root + ": skipped");
        int examined = 0;
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] raw = Files.readAllBytes(file);
                    List<Header> headers = HeaderBlocks.parse(new String(raw, StandardCharsets.ISO_8859_1));
                    assertThatCode(() -> forensics.examine(headers, raw))
                            .as(file.toString())
                            .doesNotThrowAnyException();
                    examined++;
                }
            }
        }
        assertThat(examined).isPositive();
    }
}
