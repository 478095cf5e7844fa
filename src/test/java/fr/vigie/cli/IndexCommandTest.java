package fr.vigie.cli;

import static fr.vigie.cli.CliRun.vigie;
import static fr.vigie.cli.CliRun.vigieAs;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.report.Intake;
import fr.vigie.report.ReportForm;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {
    @TempDir
    Path temp;

    @Test
    void rebuildIndexesEveryStoredReportAndSaysHowManyAndHowLong() {
        App app = new App(Config.defaults());
        Intake intake = app.intake();
        ReportForm form = new ReportForm(new fr.vigie.identifier.Identifiers());
        String id;
        try (Store store = Store.open(Config.defaults().withDataDir(temp).withJdbcUrl(null))) {
            id = store.submit(intake.prepare(form.read(
                            Map.of("narrative", List.of("Une convocation judiciaire reçue par courriel.")),
                            List.of(),
                            "web")))
                    .id();
        }

        CliRun run = vigieAs(Role.ADMIN, temp, "index", "rebuild", "--data", temp.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).matches("(?s)vigie index rebuild: 1 reports indexed in \\d+\\.\\d s \\(.*index\\)\\R");
        try (SearchIndex index = SearchIndex.open(temp.resolve("index"))) {
            assertThat(index.search("convocation", 10)).containsExactly(id);
        }
    }

    @Test
    void aStoreThatCannotBeOpenedIsSaidPlainlyWithExitCode3() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("file"), "not a folder");

        CliRun run = vigie("index", "rebuild", "--data", notAFolder.toString());

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("vigie index rebuild: the data folder").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresqlIsAUsageError() {
        CliRun run = vigie("index", "rebuild", "--data", temp.toString(), "--db", "jdbc:mysql://localhost/vigie");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--db must be a PostgreSQL JDBC URL");
    }
}
