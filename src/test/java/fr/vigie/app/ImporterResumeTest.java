package fr.vigie.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.render.CheckJson;
import fr.vigie.report.Intake;
import fr.vigie.store.Store;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterResumeTest {
    @TempDir
    Path data;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ImporterResumeTest.class.getResource("/import/" + name).toURI());
    }

    @Test
    void anImportRunAgainAnalysesOnlyTheMessagesNotStoredYet() throws Exception {
        Config config = Config.defaults().withDataDir(data).withJdbcUrl(null);
        App app = new App(config);
        AtomicInteger analysed = new AtomicInteger();
        Intake counting = new Intake(app.harmoniser(), app.detector(), (h, analysis, lang) -> {
            analysed.incrementAndGet();
            return CheckJson.line(CheckJson.of(h, analysis, lang));
        });
        try (Store store = Store.open(config)) {
            Importer importer = new Importer(app.harmoniser(), counting, store, "FR", 2, 2);
            Importer.Summary first =
                    importer.run(Importer.files(List.of(fixture("folder"))), Importer.Progress.NONE, reports -> {});
            int analysedFirst = analysed.getAndSet(0);

            Importer.Summary second = importer.run(
                    Importer.files(List.of(fixture("folder"), fixture("three.mbox"))),
                    Importer.Progress.NONE,
                    reports -> {});

            assertThat(first.imported()).isEqualTo(2);
            assertThat(analysedFirst).isGreaterThanOrEqualTo(2);
            assertThat(second.duplicates()).isEqualTo(first.imported());
            assertThat(second.imported()).isEqualTo(3);
            // Only the three messages of the mailbox are analysed (and the first run's refused ones, again)
            assertThat(analysed.get()).isEqualTo(analysedFirst - 2 + 3);
            assertThat(store.count()).isEqualTo(5);
        }
    }
}
