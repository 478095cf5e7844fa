package fr.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.Config;
import fr.vigie.bench.Workload;
import fr.vigie.report.PreparedReport;
import fr.vigie.report.Submission;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on the embedded H2 store, in a fresh folder per test. */
class H2StoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    Store open(Clock clock) {
        return Store.open(Config.defaults().withDataDir(dir).withJdbcUrl(null), clock);
    }

    @Override
    Store reopen(Clock clock) {
        return open(clock);
    }

    /** Larger than one page of the rebuild's reads, with the workload's skew; on H2 only, to keep the suite short. */
    @Test
    void aFullRebuildOfGeneratedReportsGivesTheCampaignsTheyGrewInto() {
        Workload workload = new Workload(5);
        List<PreparedReport> prepared = new ArrayList<>();
        for (int i = 0; i < 2_100; i++) {
            prepared.add(intake.prepare(workload.next()));
        }
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < prepared.size(); from += 700) {
            store.submitAll(prepared.subList(from, from + 700)).forEach(s -> ids.add(s.id()));
        }
        List<Optional<Store.Campaign>> before =
                ids.stream().map(store::campaignOf).toList();

        assertThat(store.rebuildLinks()).isEqualTo(ids.size());

        assertThat(ids.stream().map(store::campaignOf).toList()).isEqualTo(before);
        assertThat(before.stream().map(c -> c.orElseThrow().id()).distinct().count())
                .isBetween(10L, ids.size() - 10L);
    }

    /**
     * A rebuild reads each report's message fingerprints as stored when it arrived (V13), not its texts; reports
     * without them (stored before) are fingerprinted from their texts: both give the same campaigns, template edges
     * included.
     */
    @Test
    void aRebuildFromStoredFingerprintsGivesTheCampaignsOfARebuildFromTheTexts() {
        Workload workload = new Workload(11);
        List<PreparedReport> prepared = new ArrayList<>();
        for (int i = 0; i < 2_100; i++) {
            prepared.add(intake.prepare(workload.next()));
        }
        List<String> ids = new ArrayList<>();
        store.submitAll(prepared).forEach(s -> ids.add(s.id()));
        long printed = count("SELECT COUNT(*) FROM report WHERE fingerprints <> '2:'");
        store.rebuildLinks();
        List<Optional<Store.Campaign>> fromStored =
                ids.stream().map(store::campaignOf).toList();
        long templateEdges = count("SELECT COUNT(*) FROM campaign_edge WHERE via = 0");

        store.database().jdbi().useHandle(h -> h.execute("UPDATE report SET fingerprints = NULL"));
        store.rebuildLinks();

        assertThat(ids.stream().map(store::campaignOf).toList()).isEqualTo(fromStored);
        assertThat(count("SELECT COUNT(*) FROM campaign_edge WHERE via = 0")).isEqualTo(templateEdges);
        assertThat(printed).isPositive();
        assertThat(templateEdges).isPositive();
    }

    /**
     * A store whose identifiers were stored before V14 (no value key, the old index on the hash): once opened
     * again, every identifier of every report is found by a look-up.
     */
    @Test
    void identifiersStoredBeforeTheirValueKeysAreFoundOnceTheStoreIsOpenedAgain() {
        Workload workload = new Workload(3);
        List<PreparedReport> prepared = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            prepared.add(intake.prepare(workload.next()));
        }
        List<String> ids =
                store.submitAll(prepared).stream().map(Submission::id).toList();
        store.database().jdbi().useHandle(h -> {
            h.execute("DROP INDEX report_identifier_key");
            h.execute("ALTER TABLE report_identifier DROP COLUMN value_key");
            h.execute("CREATE INDEX report_identifier_value ON report_identifier (value_hash)");
            // V16 (H2's custody id cache, applied after V14) goes too, or V14 would be out of order; it runs again
            // alike
            h.execute("DELETE FROM flyway_schema_history WHERE version IN ('14', '16')");
        });
        store.close();

        store = reopen(Clock.fixed(NOW, ZoneOffset.UTC));

        for (int i = 0; i < prepared.size(); i++) {
            for (PreparedReport.ReportIdentifier ri : prepared.get(i).identifiers()) {
                assertThat(store.indicator(ri.identifier(), 10_000).reports()).contains(ids.get(i));
            }
        }
        assertThat(count("SELECT COUNT(*) FROM report_identifier")).isGreaterThan(50);
    }

    private long count(String sql) {
        return store.database()
                .jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** The postings are in memory only: after a stop they are read again from the stored reports. */
    @Test
    void reportsSubmittedAfterAStopLinkAsTheyWouldHaveWithoutIt() {
        linkAfterAStop(false);
    }

    @Test
    void linksWarmedAtStartGiveTheSameCampaignsAsPostingsReadAtTheFirstWrite() {
        linkAfterAStop(true);
    }

    private void linkAfterAStop(boolean warm) {
        Workload workload = new Workload(7);
        List<PreparedReport> prepared = new ArrayList<>();
        for (int i = 0; i < 2_100; i++) {
            prepared.add(intake.prepare(workload.next()));
        }
        List<String> ids = new ArrayList<>();
        store.submitAll(prepared.subList(0, 1_400)).forEach(s -> ids.add(s.id()));
        store.close();
        store = reopen(Clock.fixed(NOW, ZoneOffset.UTC));
        if (warm) {
            store.warmLinks(); // as vigie serve does at start
        }
        store.submitAll(prepared.subList(1_400, prepared.size())).forEach(s -> ids.add(s.id()));
        List<Optional<Store.Campaign>> before =
                ids.stream().map(store::campaignOf).toList();

        store.rebuildLinks();

        assertThat(ids.stream().map(store::campaignOf).toList()).isEqualTo(before);
        Set<String> earlier =
                before.subList(0, 1_400).stream().map(c -> c.orElseThrow().id()).collect(Collectors.toSet());
        assertThat(before.subList(1_400, ids.size()))
                .anyMatch(c -> earlier.contains(c.orElseThrow().id()));
    }
}
