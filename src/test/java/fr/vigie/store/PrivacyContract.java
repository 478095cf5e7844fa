package fr.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import fr.vigie.VigieException;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Reports;
import fr.vigie.message.Evidence;
import fr.vigie.report.Contact;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.Intake;
import fr.vigie.report.PreparedReport;
import fr.vigie.report.ReportForm;
import fr.vigie.report.Status;
import fr.vigie.report.Submission;
import fr.vigie.search.SearchIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Privacy at the store (issue 8), the same on every database: the audit chain, encryption at rest, retention,
 * requests of data subjects. Each subclass says how to open a fresh, empty store and where its data folder is.
 */
abstract class PrivacyContract {
    static Intake intake;
    static ReportForm form;

    static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

    /** Reporter A's canary strings: contact, narrative and message. */
    static final List<String> CANARIES_A = List.of(
            "Ondine Canarial",
            "ondine.canary7731@example.org",
            "+33612347731",
            "ZEPHYRNARRATIVE4409",
            "QUOKKAMESSAGE7731");

    static final List<String> CANARIES_B = List.of(
            "Basile Canarien",
            "basile.canary5520@example.net",
            "+33698765520",
            "MISTRALNARRATIVE8812",
            "WOMBATMESSAGE5520");

    Store store;

    abstract Store open(Clock clock, Store.Protection protection) throws Exception;

    /** The same store opened again after a close. */
    abstract Store reopen(Clock clock) throws Exception;

    /** The store's data folder (keys, search index; and the database files on H2). */
    abstract Path dataDir();

    @BeforeAll
    static void wire() {
        App app = new App(Config.defaults());
        intake = app.intake();
        form = new ReportForm(new fr.vigie.identifier.Identifiers());
    }

    @BeforeEach
    void openStore() throws Exception {
        store = open(Clock.fixed(NOW, ZoneOffset.UTC), Store.Protection.ON);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = PrivacyContract.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    static PreparedReport reportOf(List<String> canaries, String eml, String loss) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("contact_name", List.of(canaries.get(0)));
        fields.put("contact_email", List.of(canaries.get(1)));
        fields.put("contact_phone", List.of(canaries.get(2)));
        fields.put("country", List.of("FR"));
        fields.put("channel", List.of("email"));
        fields.put("narrative", List.of("J'ai payé après ce message. " + canaries.get(3)));
        fields.put("loss", List.of(loss));
        return intake.prepare(
                form.read(fields, List.of(new EvidenceFile("message.eml", "message/rfc822", resource(eml))), "web"));
    }

    static PreparedReport reportA() throws IOException {
        return reportOf(CANARIES_A, "/privacy/canary_a.eml", "120 EUR card");
    }

    static PreparedReport reportB() throws IOException {
        return reportOf(CANARIES_B, "/privacy/canary_b.eml", "80 EUR transfer");
    }

    org.jdbi.v3.core.Jdbi sql() {
        return store.database().jdbi();
    }

    // ---- audit

    @Test
    void auditVerifyNamesTheEntryWhoseFieldsWereEdited() {
        for (int i = 0; i < 5; i++) {
            store.audit().record("analyst:alice", "report.read", "VG-" + i, null);
        }
        assertThat(store.audit().verify().broken()).isEmpty();
        assertThat(store.audit().verify().entries()).isEqualTo(5);

        sql().useHandle(h -> h.execute("UPDATE audit SET actor = 'analyst:mallory' WHERE seq = 3"));

        Audit.Verification v = store.audit().verify();
        assertThat(v.broken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.problem()).contains("edited");
        });
    }

    @Test
    void auditVerifyNamesADeletedEntryAndATruncatedEnd() {
        for (int i = 0; i < 5; i++) {
            store.audit().record("analyst:alice", "report.read", "VG-" + i, null);
        }
        sql().useHandle(h -> h.execute("DELETE FROM audit WHERE seq = 5"));
        assertThat(store.audit().verify().broken())
                .hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(5));

        sql().useHandle(h -> h.execute("DELETE FROM audit WHERE seq = 2"));
        assertThat(store.audit().verify().broken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.problem()).contains("missing");
        });
    }

    @Test
    void auditVerifyNamesReorderedEntries() {
        for (int i = 0; i < 4; i++) {
            store.audit().record("analyst:alice", "report.read", "VG-" + i, null);
        }
        // Swap the numbers of entries 2 and 3, as someone reordering the log would.
        sql().useHandle(h -> {
            h.execute("UPDATE audit SET seq = 100 WHERE seq = 2");
            h.execute("UPDATE audit SET seq = 2 WHERE seq = 3");
            h.execute("UPDATE audit SET seq = 3 WHERE seq = 100");
        });

        assertThat(store.audit().verify().broken())
                .hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(2));
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        store.audit().record("analyst:" + thread, "report.read", "VG-" + i, null);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Audit.Verification v = store.audit().verify();
        assertThat(v.broken()).isEmpty();
        assertThat(v.entries()).isEqualTo(320);
    }

    @Test
    void anEntryNobodyWaitsForIsWrittenAllTheSame() throws Exception {
        store.audit().append("analyst:alice", "report.read", "VG-1", null); // its receipt dropped, as after an error
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (store.audit().last(1).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.audit().last(1)).extracting(Audit.Entry::target).containsExactly(Optional.of("VG-1"));
    }

    @Test
    void anEntryQueuedAsTheStoreClosesIsWrittenBeforeItCloses() throws Exception {
        store.audit().append("analyst:alice", "report.read", "VG-7", null); // nobody waits for it
        store.close();
        store = reopen(Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(store.audit().last(1)).extracting(Audit.Entry::target).containsExactly(Optional.of("VG-7"));
        assertThat(store.audit().verify().broken()).isEmpty();
    }

    /** A read that comes after the store closed (a request still in flight at the stop) is refused, not left hanging. */
    @Test
    void aReadAuditedAfterTheStoreClosedIsRefusedNotLeftWaiting() {
        store.audit().record("analyst:alice", "report.read", "VG-1", null);
        Store closed = store;
        closed.close();
        store = null;

        assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> assertThatThrownBy(() -> closed.audit()
                                .append("analyst:alice", "report.read", "VG-2", null)
                                .await())
                        .isInstanceOf(VigieException.class));
    }

    @Test
    void aReportReadForShowingIsInTheLogOnceItsReceiptReturns() throws IOException {
        Submission s = store.submit(reportA());

        Audit.Audited<fr.vigie.report.Report> read =
                store.reportAudited(s.id(), "analyst:alice").orElseThrow();
        long seq = read.receipt().await();

        assertThat(store.audit().last(1))
                .extracting(Audit.Entry::seq, Audit.Entry::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(seq, "report.read"));
        assertThat(store.audit().verify().broken()).isEmpty();
    }

    /**
     * Readers served at the same time share commits; each one's entry is in the database, seen from another
     * connection, as soon as its receipt returns (the answer is sent only then), and the chain holds.
     */
    @Test
    void eachOfManyConcurrentReadsIsCommittedBeforeItsReceiptReturns() throws Exception {
        List<String> ids =
                List.of(store.submit(reportA()).id(), store.submit(reportB()).id());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String actor = "analyst:" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        String id = ids.get(i % 2);
                        long seq = store.reportAudited(id, actor)
                                .orElseThrow()
                                .receipt()
                                .await();
                        Optional<String> committed = sql().withHandle(h -> h.createQuery(
                                        "SELECT actor, action, target FROM audit WHERE seq = :seq")
                                .bind("seq", seq)
                                .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                                .findOne());
                        assertThat(committed).contains(actor + " report.read " + id);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.audit().verify().broken()).isEmpty();
        assertThat(store.audit().last(1000))
                .filteredOn(e -> e.action().equals("report.read"))
                .hasSize(8 * 15);
    }

    @Test
    void readingAReportItsEvidenceOrItsContactIsAudited() throws IOException {
        Submission s = store.submit(reportA());

        store.report(s.id(), "analyst:alice");
        store.evidence(s.id(), 0, "analyst:alice");
        store.contact(s.id(), "supervisor:bob", "the victim asked to be called back");

        assertThat(store.audit().last(10))
                .extracting(Audit.Entry::action, Audit.Entry::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("contact.read", "supervisor:bob"),
                        org.assertj.core.groups.Tuple.tuple("evidence.read", "analyst:alice"),
                        org.assertj.core.groups.Tuple.tuple("report.read", "analyst:alice"));
        assertThat(store.audit().last(1).get(0).reason()).hasValue("the victim asked to be called back");
        assertThat(store.custody(Evidence.sha256(resource("/privacy/canary_a.eml"))))
                .extracting(Store.CustodyEvent::action)
                .containsExactly("received", "read");
    }

    // ---- encryption at rest

    @Test
    void contactAndEvidenceBytesAreSealedInTheDatabase() throws IOException {
        byte[] eml = resource("/privacy/canary_a.eml");
        Submission s = store.submit(reportA());

        Map<String, Object> reporter = sql().withHandle(
                        h -> h.createQuery("SELECT * FROM reporter").mapToMap().one());
        assertThat(reporter.get("name")).isNull();
        assertThat(reporter.get("email")).isNull();
        assertThat(reporter.get("phone")).isNull();
        byte[] sealed = sql().withHandle(h -> h.createQuery("SELECT sealed FROM reporter")
                .map((rs, ctx) -> rs.getBytes(1))
                .one());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("canary7731", "Ondine");
        byte[] stored = sql().withHandle(h -> h.createQuery("SELECT bytes FROM evidence_blob")
                .map((rs, ctx) -> rs.getBytes(1))
                .one());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("QUOKKAMESSAGE7731");

        assertThat(store.evidence(s.id(), 0, "analyst:alice").orElseThrow().bytes())
                .isEqualTo(eml);
        assertThat(store.contact(s.id(), "supervisor:bob", "call back"))
                .hasValue(new Contact(
                        Optional.of("Ondine Canarial"),
                        Optional.of("ondine.canary7731@example.org"),
                        Optional.of("+33612347731")));
    }

    @Test
    void evidenceAlteredInTheDatabaseIsRefusedOnRead() throws IOException {
        Submission s = store.submit(reportA());
        sql().useHandle(h -> {
            byte[] bytes = h.createQuery("SELECT bytes FROM evidence_blob")
                    .map((rs, ctx) -> rs.getBytes(1))
                    .one();
            bytes[bytes.length / 2] ^= 1;
            h.createUpdate("UPDATE evidence_blob SET bytes = :b")
                    .bind("b", bytes)
                    .execute();
        });

        assertThatThrownBy(() -> store.evidence(s.id(), 0, "analyst:alice"))
                .isInstanceOf(VigieException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void rowsWrittenBeforeEncryptionStillReadAndAreSealedByARotation() throws Exception {
        store.close();
        store = open(Clock.fixed(NOW, ZoneOffset.UTC), Store.Protection.OFF_FOR_BENCHMARK);
        Submission s = store.submit(reportA());
        store.close();
        store = reopen(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(plainEmail()).isEqualTo("ondine.canary7731@example.org");

        assertThat(store.evidence(s.id(), 0, "a").orElseThrow().bytes()).isEqualTo(resource("/privacy/canary_a.eml"));
        assertThat(store.contact(s.id(), "a", "r").flatMap(Contact::email)).hasValue("ondine.canary7731@example.org");
        assertThat(store.subjects().find(Subjects.By.EMAIL, "Ondine.Canary7731@example.org"))
                .containsExactly(s.id());
        assertThat(store.rowsUnderOtherKeys()).isEqualTo(2);

        assertThat(store.rewrapKeys()).isEqualTo(2);

        assertThat(store.rowsUnderOtherKeys()).isZero();
        assertThat(plainEmail()).isNull();
        assertThat(store.evidence(s.id(), 0, "a").orElseThrow().bytes()).isEqualTo(resource("/privacy/canary_a.eml"));
        assertThat(store.subjects().find(Subjects.By.PHONE, "06 12 34 77 31")).containsExactly(s.id());
    }

    @Test
    void aKeyRotationReWrapsEveryDataKeyAndTheOldKeyGoesOnlyAtTheEnd() throws Exception {
        Submission s = store.submit(reportA());
        String before = KeyRing.id(java.nio.file.Files.readAllBytes(dataDir().resolve("keys/master.key")));
        store.close();

        assertThat(Store.beginKeyRotation(dataDir())).isTrue();
        // stopped here, and run again: the same new key, nothing lost
        assertThat(Store.beginKeyRotation(dataDir())).isTrue();
        store = reopen(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(store.keys().currentId()).isNotEqualTo(before);
        assertThat(store.keys().knows(before)).isTrue();
        assertThat(store.rowsUnderOtherKeys()).isEqualTo(2);
        assertThat(store.rewrapKeys()).isEqualTo(2);
        assertThat(store.rowsUnderOtherKeys()).isZero();
        store.close();
        Store.endKeyRotation(dataDir());

        store = reopen(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(store.keys().knows(before)).isFalse();
        assertThat(store.evidence(s.id(), 0, "a").orElseThrow().bytes()).isEqualTo(resource("/privacy/canary_a.eml"));
        assertThat(store.contact(s.id(), "a", "r").flatMap(Contact::name)).hasValue("Ondine Canarial");
    }

    // ---- retention

    @Test
    void retentionPurgesEachClassOnItsDayKeepsTheCountsAndSparesLegalHolds() throws IOException {
        Submission a = store.submit(reportA());
        Submission b = store.submit(reportB());
        Submission held = store.submit(reportOf(
                List.of("Held Person", "held.person@example.com", "+33611112222", "HELDNARRATIVE", "x"),
                "/privacy/canary_a.eml",
                "40 EUR card"));
        store.changeStatus(a.id(), Status.CLOSED, "analyst", "done");
        assertThat(store.subjects().hold(held.id(), true, "dpo", "judicial request 2026-118"))
                .isTrue();
        Retention.Policy policy = Retention.Policy.DEFAULTS;

        Retention.Outcome early = store.retention().run(policy, NOW.plus(Period.ofDays(300)));
        assertThat(early).isEqualTo(new Retention.Outcome(0, 0, 0, 0, 0));
        assertThat(count("reporter")).isEqualTo(3);

        Retention.Outcome year =
                store.retention().run(policy, at(NOW, Period.ofYears(1).plusDays(2)));
        assertThat(year).isEqualTo(new Retention.Outcome(2, 0, 0, 0, 1));
        assertThat(count("reporter")).isEqualTo(1);
        assertThat(count("evidence")).isEqualTo(3);
        assertThat(store.count()).isEqualTo(3);

        Retention.Outcome fiveYears =
                store.retention().run(policy, at(NOW, Period.ofYears(5).plusDays(2)));
        assertThat(fiveYears).isEqualTo(new Retention.Outcome(0, 2, 2, 0, 1));
        assertThat(count("evidence")).isEqualTo(1);
        assertThat(store.report(a.id()).orElseThrow().narrative()).isEmpty();
        assertThat(store.report(held.id()).orElseThrow().narrative()).contains("HELDNARRATIVE");
        // campaign statistics: the reports and their losses still count
        assertThat(store.count()).isEqualTo(3);
        assertThat(lossTotal()).isEqualByComparingTo("240");

        Retention.Outcome tenYears =
                store.retention().run(policy, at(NOW, Period.ofYears(10).plusDays(2)));
        assertThat(tenYears).isEqualTo(new Retention.Outcome(0, 0, 0, 2, 1));
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.report(held.id())).isPresent();
        assertThat(store.report(b.id())).isEmpty();
        assertThat(store.audit().verify().broken()).isEmpty();
    }

    @Test
    void retentionPeriodsComeFromTheEnvironmentOrTheDefaults() {
        Retention.Policy policy = Retention.Policy.from(Map.of("VIGIE_RETENTION_IDENTITY", "P18M"));
        assertThat(policy.identity()).isEqualTo(Period.ofMonths(18));
        assertThat(policy.evidence()).isEqualTo(Retention.Policy.DEFAULTS.evidence());
        assertThatThrownBy(() -> Retention.Policy.from(Map.of("VIGIE_RETENTION_EVIDENCE", "5 years")))
                .hasMessageContaining("VIGIE_RETENTION_EVIDENCE");
    }

    // ---- requests of data subjects

    @Test
    void aReporterIsFoundByEmailPhoneOrOneOfTheirReports() throws IOException {
        Submission first = store.submit(reportA());
        Submission second = store.submit(reportOf(CANARIES_A, "/privacy/canary_b.eml", "5 EUR card"));
        Submission other = store.submit(reportB());

        assertThat(store.subjects().find(Subjects.By.EMAIL, " ONDINE.canary7731@example.org "))
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(store.subjects().find(Subjects.By.PHONE, "06 12 34 77 31"))
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(store.subjects().find(Subjects.By.REPORT, second.id()))
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(store.subjects().find(Subjects.By.REPORT, other.id())).containsExactly(other.id());
        assertThat(store.subjects().find(Subjects.By.EMAIL, "nobody@example.org"))
                .isEmpty();
    }

    @Test
    void anExportHoldsEverythingAboutOneReporterAndNothingAboutAnother() throws IOException {
        Submission a = store.submit(reportA());
        store.submit(reportB());

        Map<String, byte[]> zip = unzip(store.subjects()
                .export(store.subjects().find(Subjects.By.EMAIL, CANARIES_A.get(1)), "dpo", "art. 15 request 12"));

        assertThat(zip).containsKeys("subject.json", "evidence/" + a.id() + "-0.bin");
        assertThat(zip.get("evidence/" + a.id() + "-0.bin")).isEqualTo(resource("/privacy/canary_a.eml"));
        String all = everything(zip);
        assertThat(all).contains(CANARIES_A);
        assertThat(all).doesNotContain(CANARIES_B);
        assertThat(all).doesNotContain("basile", "WOMBAT");
        assertThat(store.audit().about(a.id())).extracting(Audit.Entry::action).contains("subject.export");
    }

    @Test
    void rectifiedContactIsFoundUnderItsNewAddressOnly() throws IOException {
        Submission a = store.submit(reportA());

        int changed = store.subjects()
                .rectify(
                        List.of(a.id()),
                        new Contact(Optional.empty(), Optional.of("ondine.new@example.org"), Optional.empty()),
                        "dpo",
                        "art. 16 request 7");

        assertThat(changed).isEqualTo(1);
        assertThat(store.subjects().find(Subjects.By.EMAIL, "ondine.new@example.org"))
                .containsExactly(a.id());
        assertThat(store.subjects().find(Subjects.By.EMAIL, CANARIES_A.get(1))).isEmpty();
        assertThat(store.contact(a.id(), "dpo", "check").orElseThrow())
                .isEqualTo(new Contact(
                        Optional.of("Ondine Canarial"),
                        Optional.of("ondine.new@example.org"),
                        Optional.of("+33612347731")));
    }

    @Test
    void anErasureLeavesATombstoneThatKeepsTheCountsAndSparesALegalHold() throws IOException {
        Submission a = store.submit(reportA());
        Submission second = store.submit(reportOf(CANARIES_A, "/privacy/canary_b.eml", "5 EUR card"));
        store.subjects().hold(second.id(), true, "dpo", "judicial request");

        Subjects.Erasure erasure = store.subjects()
                .erase(store.subjects().find(Subjects.By.EMAIL, CANARIES_A.get(1)), "dpo", "art. 17 request 3");

        assertThat(erasure.erased()).containsExactly(a.id());
        assertThat(erasure.held()).containsExactly(second.id());
        assertThat(store.contact(a.id(), "dpo", "check")).isEmpty();
        assertThat(store.report(a.id()).orElseThrow().evidence()).isEmpty();
        assertThat(store.report(a.id()).orElseThrow().narrative()).isEmpty();
        assertThat(store.report(a.id()).orElseThrow().losses()).hasSize(1);
        assertThat(store.count()).isEqualTo(2);
        assertThat(store.contact(second.id(), "dpo", "check")).isPresent();
        assertThat(store.audit().about(a.id())).extracting(Audit.Entry::action).contains("subject.erase");
        assertThatThrownBy(() -> store.subjects().erase(List.of(a.id()), "dpo", " "))
                .hasMessageContaining("reason");
    }

    @Test
    void afterAnErasureTheReportersCanariesAreNowhereInTheStoreOrTheSearchIndex() throws Exception {
        Submission a = store.submit(reportA());
        store.submit(reportB());
        try (SearchIndex index = SearchIndex.open(dataDir().resolve("index"))) {
            index.rebuild(store);
        }
        Reports reports = new Reports(store, SearchIndex.open(dataDir().resolve("index")), intake, form);
        assertThat(reports.list(Optional.of("QUOKKAMESSAGE7731"), filter())).hasSize(1);
        // the search below can find what it looks for
        assertThat(whereFound("QUOKKAMESSAGE7731")).isNotEmpty();
        assertThat(whereFound("ZEPHYRNARRATIVE4409")).isNotEmpty();

        reports.erase(List.of(a.id()), "dpo", "art. 17 request 4");

        assertThat(reports.list(Optional.of("QUOKKAMESSAGE7731"), filter())).isEmpty();
        reports.close(); // on H2: SHUTDOWN COMPACT, the erased pages leave the file
        store = reopen(Clock.fixed(NOW, ZoneOffset.UTC));
        for (String canary : CANARIES_A) {
            assertThat(whereFound(canary)).as(canary).isEmpty();
        }
        assertThat(whereFound("WOMBATMESSAGE5520")).isNotEmpty();
        assertThat(store.count()).isEqualTo(2);
    }

    /**
     * Where {@code canary} is found, in any case: the files of the data folder (the search index, the key files, and
     * on H2 the database file), and the database's text columns (all of them for PostgreSQL, whose files are not
     * ours to read).
     */
    abstract List<String> whereFound(String canary) throws Exception;

    List<String> filesContaining(Path folder, String canary) throws IOException {
        List<String> found = new ArrayList<>();
        byte[] upper = canary.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        try (var files = java.nio.file.Files.walk(folder)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                byte[] bytes = java.nio.file.Files.readAllBytes(file);
                if (indexOfIgnoringCase(bytes, upper) >= 0) {
                    found.add(folder.relativize(file).toString());
                }
            }
        }
        return found;
    }

    private static int indexOfIgnoringCase(byte[] haystack, byte[] upperNeedle) {
        outer:
        for (int i = 0; i + upperNeedle.length <= haystack.length; i++) {
            for (int j = 0; j < upperNeedle.length; j++) {
                byte b = haystack[i + j];
                if (b >= 'a' && b <= 'z') {
                    b -= 32;
                }
                if (b != upperNeedle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static fr.vigie.store.ReportFilter filter() {
        return new fr.vigie.store.ReportFilter(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 50, 0);
    }

    // ---- helpers

    String plainEmail() {
        return sql().withHandle(h -> h.createQuery("SELECT email FROM reporter")
                .mapTo(String.class)
                .findOne()
                .orElse(null));
    }

    long count(String table) {
        return sql().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    BigDecimal lossTotal() {
        return sql().withHandle(h -> h.createQuery("SELECT SUM(amount) FROM loss")
                .mapTo(BigDecimal.class)
                .one());
    }

    static Instant at(Instant from, Period after) {
        return from.atZone(ZoneOffset.UTC).plus(after).toInstant();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static String everything(Map<String, byte[]> zip) {
        StringBuilder all = new StringBuilder();
        zip.values()
                .forEach(bytes ->
                        all.append(new String(bytes, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }
}
