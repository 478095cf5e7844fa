package fr.vigie.cli;

import static fr.vigie.cli.CliRun.vigie;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesCommandTest {
    @TempDir
    Path temp;

    @Test
    void bundledRoutingTablesAreValid() {
        CliRun run = vigie("routes", "check");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("10 routing tables valid").contains("FR").contains("general");
    }

    @Test
    void folderOfValidTablesIsValid() throws IOException {
        copy("valid/universal.json", "universal.json");
        copy("valid/general.json", "general.json");
        copy("valid/fr.json", "fr.json");
        CliRun run = vigie("routes", "check", temp.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("3 routing tables valid (FR, universal, general)");
    }

    @Test
    void badTableIsNamedWithItsEntryAndFieldAndExitsOne() throws IOException {
        copy("valid/universal.json", "universal.json");
        copy("valid/general.json", "general.json");
        copy("unknown_payment/fr.json", "fr.json");
        CliRun run = vigie("routes", "check", temp.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err())
                .contains(temp.resolve("fr.json").toString())
                .contains("entry FR_PHAROS")
                .contains("field 'when.payments'")
                .contains("'paypal'")
                .doesNotContain("Exception");
    }

    @Test
    void missingFolderIsUnreadableInput() {
        CliRun run = vigie("routes", "check", temp.resolve("nowhere").toString());
        assertThat(run.code()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(run.err()).contains("cannot read");
    }

    private void copy(String fixture, String name) throws IOException {
        try (InputStream in = RoutesCommandTest.class.getResourceAsStream("/orient/" + fixture)) {
            Files.copy(in, temp.resolve(name));
        }
    }
}
