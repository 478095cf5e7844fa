package fr.vigie.cli;

import static fr.vigie.cli.CliRun.vigie;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.Config;
import fr.vigie.report.ReportSummary;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.ReportFilter;
import fr.vigie.store.Store;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path data;

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(ImportCommandTest.class.getResource("/import/" + name).toURI())
                .toString();
    }

    private Store store() {
        return Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null));
    }

    @Test
    void everyMessageOfFoldersAndMailboxesBecomesAReportAndRejectionsAreCountedWithTheirReason() throws Exception {
        CliRun run = vigie("import", "--data", data.toString(), fixture("folder"), fixture("three.mbox"));

        assertThat(run.out()).contains("imported 5,").contains("rejected 2");
        assertThat(run.out()).contains("rejected 1: binary").contains("rejected 1: empty");
        assertThat(run.code()).isEqualTo(3);
        try (Store store = store()) {
            List<ReportSummary> reports = store.list(ReportFilter.all());
            assertThat(reports).hasSize(5);
            String interpol = reports.stream()
                    .filter(r -> r.schemes().contains("fake_authority"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            assertThat(store.report(interpol).orElseThrow().source()).isEqualTo("import");
        }
    }

    @Test
    void anImportRunAgainStoresNothingTwiceSoAnInterruptedImportResumes() throws Exception {
        vigie("import", "--data", data.toString(), fixture("folder"));
        CliRun second = vigie("import", "--data", data.toString(), fixture("folder"), fixture("three.mbox"));

        assertThat(second.out()).contains("imported 3,").contains("duplicates 2");
        try (Store store = store()) {
            assertThat(store.count()).isEqualTo(5);
        }
    }

    @Test
    void batchesOfOneThroughThePipelineStoreTheSameReportsAndResumeWithoutDuplicates() throws Exception {
        CliRun first = vigie("import", "--data", data.toString(), "--batch", "1", fixture("folder"));
        CliRun second = vigie(
                "import",
                "--data",
                data.toString(),
                "--batch",
                "1",
                "--threads",
                "3",
                fixture("folder"),
                fixture("three.mbox"));

        assertThat(first.out()).contains("imported 2,");
        assertThat(second.out())
                .contains("imported 3,")
                .contains("duplicates 2")
                .contains("rejected 2");
        try (Store store = store()) {
            assertThat(store.count()).isEqualTo(5);
        }
        try (SearchIndex index = SearchIndex.open(data.resolve("index"))) {
            assertThat(index.count()).isEqualTo(5);
        }
    }

    @Test
    void importedReportsAreSearchableAtOnce() throws Exception {
        vigie("import", "--data", data.toString(), fixture("folder"));

        try (SearchIndex index = SearchIndex.open(data.resolve("index"))) {
            assertThat(index.search("convoque commissaire", 10)).hasSize(1);
        }
    }

    @Test
    void aMissingInputIsSaidPlainlyAndNothingIsStored() {
        CliRun run = vigie(
                "import",
                "--data",
                data.toString(),
                data.resolve("nowhere.mbox").toString());

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("no such file or folder").doesNotContain("Exception");
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        assertThat(vigie("import", "--data", data.toString(), "--threads", "0", fixture("folder"))
                        .code())
                .isEqualTo(2);
    }
}
