package fr.vigie.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.report.EvidenceFile;
import fr.vigie.report.ReportForm;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.Audit;
import fr.vigie.store.Retention;
import fr.vigie.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention job inside serve runs on its own virtual thread at the time of the clock it is given. */
class RetentionScheduleTest {
    @TempDir
    Path data;

    @Test
    void theScheduledJobPurgesAtTheTimeOfItsClock() throws Exception {
        App app = new App(Config.defaults());
        Instant received = Instant.parse("2026-01-10T09:00:00Z");
        Store store = Store.open(
                Config.defaults().withDataDir(data).withJdbcUrl(null), Clock.fixed(received, ZoneOffset.UTC));
        try (Reports reports = new Reports(
                store, SearchIndex.open(data.resolve("index")), app.intake(), new ReportForm(app.identifiers()))) {
            reports.submit(
                    Map.of("contact_email", List.of("scheduled@example.org"), "narrative", List.of("n")),
                    List.<EvidenceFile>of(),
                    "web");
            Clock twoYearsLater = Clock.fixed(Instant.parse("2028-01-20T09:00:00Z"), ZoneOffset.UTC);

            try (RetentionSchedule schedule =
                    RetentionSchedule.start(reports, Retention.Policy.DEFAULTS, twoYearsLater)) {
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (runs(store).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }

            assertThat(runs(store))
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason())
                            .hasValueSatisfying(r -> assertThat(r).contains("identity 1")));
            assertThat(store.subjects().find(fr.vigie.store.Subjects.By.EMAIL, "scheduled@example.org"))
                    .isEmpty();
        }
    }

    private static List<Audit.Entry> runs(Store store) {
        return store.audit().last(10).stream()
                .filter(e -> e.action().equals("retention.run"))
                .toList();
    }
}
