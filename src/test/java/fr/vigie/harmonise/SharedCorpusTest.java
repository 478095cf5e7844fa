package fr.vigie.harmonise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every real message of the shared corpora harmonises without any exception. Reads {@code ../shared/data} in
 * place and skips, saying so, when it is absent.
 */
class SharedCorpusTest {
    private final Harmoniser harmoniser = TestHarmoniser.create();

    @ParameterizedTest
    @ValueSource(strings = {"spamassassin-testdata", "phishing-pot"})
    void everyMessageOfTheCorpusIsHarmonisedWithoutException(String corpus) throws IOException {
        Path folder = TestHarmoniser.sharedData().resolve(corpus);
        assumeTrue(Files.isDirectory(folder), "skipped: " + folder + " is absent (shared corpora not on this machine)");
        List<String> failures = new ArrayList<>();
        int count = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (file.toString().endsWith(".csv")) {
                    continue;
                }
                count++;
                try {
                    Harmonised h = harmoniser.harmonise(Files.readAllBytes(file));
                    if (h.kind() != fr.vigie.message.MessageKind.EMAIL) {
                        failures.add(file.getFileName() + ": not read as an e-mail");
                    }
                } catch (fr.vigie.BadInputException e) {
                    // An empty file is the one input the corpus holds that must be refused, clearly.
                    if (!(e.code().equals("empty") && Files.size(file) == 0)) {
                        failures.add(file.getFileName() + ": " + e);
                    }
                } catch (RuntimeException e) {
                    failures.add(file.getFileName() + ": " + e);
                }
            }
        }
        assertThat(count).as("messages in " + corpus).isGreaterThan(100);
        assertThat(failures).as("messages that failed out of " + count).isEmpty();
    }
}
