package fr.vigie.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.i18n.Lang;
import fr.vigie.report.Intake;
import fr.vigie.report.ReportForm;
import fr.vigie.report.ReportSummary;
import fr.vigie.store.ReportFilter;
import fr.vigie.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index made from a real embedded store, report by report or all at once. */
class SearchRebuildTest {
    static Intake intake;
    static ReportForm form;

    @TempDir
    Path dir;

    Store store;
    List<String> ids = new ArrayList<>();

    @BeforeAll
    static void wire() {
        App app = new App(Config.defaults());
        intake = app.intake();
        form = new ReportForm(new fr.vigie.identifier.Identifiers());
    }

    @BeforeEach
    void fillStore() {
        store = Store.open(Config.defaults().withDataDir(dir.resolve("data")).withJdbcUrl(null));
        submit("lang", "fr", "narrative", "J'ai reçu une convocation judiciaire et j'ai payé l'amende en coupons.");
        submit(
                "lang",
                "fr",
                "message",
                "Votre colis est bloqué en douane, réglez 2,99 € sur hxxps://colis-suivi[.]info");
        submit(
                "lang", "en",
                "narrative", "A recovery company promised to get my money back.",
                "message", "We can recover your lost crypto funds for a small fee.");
    }

    private void submit(String... pairs) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        ids.add(store.submit(intake.prepare(form.read(fields, List.of(), "web")))
                .id());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aRebuildFromTheStoreGivesTheSameHitsAsReportsAddedOneByOne() {
        try (SearchIndex incremental = SearchIndex.open(dir.resolve("incremental"));
                SearchIndex rebuilt = SearchIndex.open(dir.resolve("rebuilt"))) {
            ids.forEach(id -> incremental.add(store.indexable(id).orElseThrow()));

            assertThat(rebuilt.rebuild(store)).isEqualTo(3);

            for (String query : List.of("convocation", "colis bloque", "douane", "crypto fee", "money", "paye")) {
                assertThat(rebuilt.search(query, 10))
                        .as(query)
                        .isNotEmpty()
                        .containsExactlyInAnyOrderElementsOf(incremental.search(query, 10));
            }
            assertThat(rebuilt.search("colis bloque", 10)).containsExactly(ids.get(1));
            assertThat(rebuilt.search("recovering funds", 10)).containsExactly(ids.get(2));
        }
    }

    @Test
    void aRebuildForgetsWhatTheStoreDoesNotHold() {
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            index.add(new Store.Indexable("VG-GONE00", Lang.FR, "une convocation oubliée", List.of()));

            assertThat(index.rebuild(store)).isEqualTo(3);

            assertThat(index.count()).isEqualTo(3);
            assertThat(index.search("convocation", 10)).containsExactly(ids.get(0));
        }
    }

    @Test
    void searchHitsNarrowTheStoreListing() {
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            index.rebuild(store);
            ReportFilter all = ReportFilter.all();
            ReportFilter hits = new ReportFilter(
                    all.scheme(),
                    all.from(),
                    all.to(),
                    all.status(),
                    Optional.of(index.search("douane", 100)),
                    all.limit(),
                    all.offset());

            assertThat(store.list(hits)).extracting(ReportSummary::id).containsExactly(ids.get(1));
        }
    }
}
