package fr.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.report.Contact;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.Intake;
import fr.vigie.report.PreparedReport;
import fr.vigie.report.Report;
import fr.vigie.report.ReportForm;
import fr.vigie.report.Status;
import fr.vigie.report.Submission;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reader that keeps what it made of a report (the server's JSON) asks the store with the version it made it of: the
 * store reads the report's rows again only when the version moved. Every change to what a read shows must move it,
 * on every database, whoever makes the change; and every read is audited, whether its rows were read again or not.
 */
abstract class ReportVersionContract {
    static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");
    static final Instant SINCE = NOW.minus(Period.ofDays(7));

    static Intake intake;
    static ReportForm form;

    Store store;

    abstract Store open(Clock clock) throws Exception;

    /** The same store opened again (by another process, for PostgreSQL: a second store on the same database). */
    abstract Store reopen(Clock clock) throws Exception;

    abstract Path dataDir();

    @BeforeAll
    static void wire() {
        App app = new App(Config.defaults());
        intake = app.intake();
        form = new ReportForm(new fr.vigie.identifier.Identifiers());
    }

    @BeforeEach
    void openStore() throws Exception {
        store = open(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static PreparedReport report(String narrative) throws IOException {
        byte[] eml;
        try (InputStream in = ReportVersionContract.class.getResourceAsStream("/privacy/canary_a.eml")) {
            eml = in.readAllBytes();
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("contact_name", List.of("Ondine Canarial"));
        fields.put("contact_email", List.of("ondine.canary7731@example.org"));
        fields.put("country", List.of("FR"));
        fields.put("channel", List.of("email"));
        fields.put("narrative", List.of(narrative));
        fields.put("loss", List.of("120 EUR card"));
        return intake.prepare(
                form.read(fields, List.of(new EvidenceFile("message.eml", "message/rfc822", eml)), "web"));
    }

    /** An audited read by an analyst, knowing {@code known}; its entry is awaited as a server does. */
    Optional<Store.Read> read(Store from, String id, OptionalLong known) {
        return from.readAudited(id, "analyst:alice", SINCE, known).map(audited -> {
            audited.receipt().await();
            return audited.value();
        });
    }

    /** The report's version once read whole. */
    long version(String id) {
        Store.Read read = read(store, id, OptionalLong.empty()).orElseThrow();
        assertThat(read.report()).isPresent();
        return read.version();
    }

    /** What a reader that knows {@code version} is given: empty when the report is unchanged since. */
    Optional<Report> readKnowing(String id, long version) {
        return read(store, id, OptionalLong.of(version)).orElseThrow().report();
    }

    static Instant later(Period period) {
        return NOW.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    @Test
    void aReadKnowingTheVersionIsGivenNoRowsUntilTheStatusChanges() throws IOException {
        Submission s = store.submit(report("Un faux conseiller m'a appelé."));
        long version = version(s.id());
        assertThat(readKnowing(s.id(), version)).isEmpty();

        store.changeStatus(s.id(), Status.TRIAGED, "analyst:bob", "seen");

        Report changed = readKnowing(s.id(), version).orElseThrow();
        assertThat(changed.status()).isEqualTo(Status.TRIAGED);
        assertThat(changed.history()).hasSize(2);
    }

    @Test
    void everyReadIsAuditedWhetherItsRowsAreReadAgainOrNot() throws IOException {
        Submission s = store.submit(report("Un faux conseiller m'a appelé."));
        long version = version(s.id());
        readKnowing(s.id(), version);
        readKnowing(s.id(), version);

        assertThat(store.audit().about(s.id()))
                .extracting(Audit.Entry::action)
                .containsExactly("report.read", "report.read", "report.read");
        assertThat(store.audit().verify().broken()).isEmpty();
    }

    @Test
    void anErasureMovesTheVersionOn() throws IOException {
        Submission s = store.submit(report("ZEPHYRNARRATIVE4409"));
        long version = version(s.id());

        store.subjects().erase(List.of(s.id()), "dpo", "art. 17 request 3");

        Report erased = readKnowing(s.id(), version).orElseThrow();
        assertThat(erased.narrative()).isEmpty();
        assertThat(erased.evidence()).isEmpty();
    }

    @Test
    void eachStepOfTheRetentionJobMovesTheVersionOnAndAPurgedReportIsNoLongerRead() throws IOException {
        Submission s = store.submit(report("ZEPHYRNARRATIVE4409"));
        Retention.Policy policy = Retention.Policy.DEFAULTS;
        long version = version(s.id());

        store.retention().run(policy, later(Period.ofYears(1).plusDays(2)));
        Report withoutIdentity = readKnowing(s.id(), version).orElseThrow();
        version = version(s.id());
        assertThat(store.contact(s.id(), "dpo", "check")).isEmpty();

        store.retention().run(policy, later(Period.ofYears(5).plusDays(2)));
        Report withoutEvidence = readKnowing(s.id(), version).orElseThrow();
        assertThat(withoutEvidence.evidence()).isEmpty();
        assertThat(withoutEvidence.narrative()).isEmpty();
        assertThat(withoutIdentity.narrative()).contains("ZEPHYRNARRATIVE4409");
        version = version(s.id());

        store.retention().run(policy, later(Period.ofYears(10).plusDays(2)));
        assertThat(read(store, s.id(), OptionalLong.of(version))).isEmpty();
    }

    @Test
    void aRectificationAndALegalHoldMoveTheVersionOn() throws IOException {
        Submission s = store.submit(report("Un faux conseiller m'a appelé."));
        long version = version(s.id());

        store.subjects()
                .rectify(
                        List.of(s.id()),
                        new Contact(Optional.empty(), Optional.of("ondine.new@example.org"), Optional.empty()),
                        "dpo",
                        "art. 16 request 7");
        assertThat(readKnowing(s.id(), version)).isPresent();
        version = version(s.id());

        store.subjects().hold(s.id(), true, "dpo", "judicial request 2026-118");
        assertThat(readKnowing(s.id(), version)).isPresent();
    }

    @Test
    void aKeyRotationMovesTheVersionOfTheReportsWhoseKeysItRewrapped() throws Exception {
        Submission s = store.submit(report("Un faux conseiller m'a appelé."));
        long version = version(s.id());
        store.close();
        Store.beginKeyRotation(dataDir());
        store = reopen(Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(store.rewrapKeys()).isEqualTo(2);

        Report after = readKnowing(s.id(), version).orElseThrow();
        assertThat(after.narrative()).isEqualTo("Un faux conseiller m'a appelé.");
        store.close();
        Store.endKeyRotation(dataDir());
        store = reopen(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theRecentReportsOfACampaignCountAReportLinkedAfterTheLastRead() {
        String first = linked(0);
        linked(1);
        assertThat(read(store, first, OptionalLong.empty())
                        .orElseThrow()
                        .placement()
                        .orElseThrow()
                        .recent())
                .isEqualTo(2);

        linked(2);

        Store.Placement after = read(store, first, OptionalLong.empty())
                .orElseThrow()
                .placement()
                .orElseThrow();
        assertThat(after.recent()).isEqualTo(3);
        assertThat(after.campaign().size()).isEqualTo(3);
    }

    /** A report without evidence giving the same phone number as the others: they make one campaign. */
    String linked(int n) {
        return store.submit(intake.prepare(form.read(
                        Map.of(
                                "narrative", List.of("Un faux conseiller m'a appelé, appel numéro " + n),
                                "identifier", List.of("+33 6 12 34 56 78")),
                        List.of(),
                        "web")))
                .id();
    }

    @Test
    void twoReportsNeverStartAtTheSameVersion() throws IOException {
        Submission a = store.submit(report("Premier signalement."));
        Submission b = store.submit(report("Second signalement."));

        assertThat(version(a.id())).isNotEqualTo(version(b.id()));
    }
}
