package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.report.Intake;
import fr.vigie.report.ReportForm;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {
    @TempDir
    Path temp;

    record Run(int code, String out, String err) {}

    private static Run vigie(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

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

        Run run = vigie("index", "rebuild", "--data", temp.toString());

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

        Run run = vigie("index", "rebuild", "--data", notAFolder.toString());

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("vigie index rebuild: the data folder").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresqlIsAUsageError() {
        Run run = vigie("index", "rebuild", "--data", temp.toString(), "--db", "jdbc:mysql://localhost/vigie");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--db must be a PostgreSQL JDBC URL");
    }
}
