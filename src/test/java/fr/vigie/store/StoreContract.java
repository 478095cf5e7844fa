package fr.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.detect.Verdict;
import fr.vigie.identifier.Kind;
import fr.vigie.message.Evidence;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.Intake;
import fr.vigie.report.PreparedReport;
import fr.vigie.report.PreparedReport.Origin;
import fr.vigie.report.Report;
import fr.vigie.report.ReportForm;
import fr.vigie.report.ReportSummary;
import fr.vigie.report.Status;
import fr.vigie.report.Submission;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's behaviour, the same on every database: each subclass says how to open a fresh, empty store. */
abstract class StoreContract {
    static App app;
    static Intake intake;
    static ReportForm form;

    static final Instant NOW = Instant.parse("2026-11-20T10:15:30.123456Z");

    Store store;

    /** A fresh, empty store at the given clock. */
    abstract Store open(Clock clock) throws Exception;

    /** The same store opened again (after a close), or the same one if reopening means nothing here. */
    abstract Store reopen(Clock clock) throws Exception;

    @BeforeAll
    static void wire() {
        app = new App(Config.defaults());
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

    static byte[] resource(String path) throws IOException {
        try (InputStream in = StoreContract.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    static Map<String, List<String>> fields(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return map;
    }

    PreparedReport interpolReport(String narrative) throws IOException {
        byte[] eml = resource("/detect/fake_authority/interpol_summons_gmail.eml");
        return intake.prepare(form.read(
                fields(
                        "contact_name", "Marie Dupont",
                        "contact_email", "marie.dupont@example.fr",
                        "country", "FR",
                        "channel", "email",
                        "narrative", narrative,
                        "first_contact", "2026-11-02",
                        "loss", "350 EUR coupon 2026-11-03",
                        "loss", "1200.50 EUR transfer",
                        "identifier", "FR76 3000 6000 0112 3456 7890 189"),
                List.of(new EvidenceFile("convocation.eml", "message/rfc822", eml)),
                "web"));
    }

    @Test
    void aStoredReportIsFoundAgainWithEveryField() throws IOException {
        Submission s = store.submit(interpolReport("J'ai reçu une convocation d'INTERPOL et j'ai payé."));

        Report r = store.report(s.id()).orElseThrow();
        assertThat(r.id()).isEqualTo(s.id());
        assertThat(r.receivedAt()).isEqualTo(NOW);
        assertThat(r.channel().id()).isEqualTo("email");
        assertThat(r.situation().country()).isEqualTo("FR");
        assertThat(r.narrative()).isEqualTo("J'ai reçu une convocation d'INTERPOL et j'ai payé.");
        assertThat(r.firstContact()).hasValue(java.time.LocalDate.parse("2026-11-02"));
        assertThat(r.losses()).hasSize(2);
        assertThat(r.losses().get(1).amount()).isEqualByComparingTo("1200.50");
        assertThat(r.losses().get(0).method().id()).isEqualTo("coupon");
        assertThat(r.status()).isEqualTo(Status.NEW);
        assertThat(r.history()).extracting(Report.StatusChange::status).containsExactly(Status.NEW);
        assertThat(r.verdict()).hasValue(Verdict.SCAM);
        assertThat(r.schemes()).contains("fake_authority");
        assertThat(r.identifiers())
                .contains(new Report.StoredIdentifier(Kind.IBAN, "FR7630006000011234567890189", Origin.DECLARED));
        assertThat(r.identifiers()).anyMatch(i -> i.origin() == Origin.FOUND);
        assertThat(r.evidence()).singleElement().satisfies(e -> {
            assertThat(e.filename()).isEqualTo("convocation.eml");
            assertThat(e.size()).isPositive();
            assertThat(e.analysisJson())
                    .hasValueSatisfying(json -> assertThat(json).contains("\"verdict\""));
        });
    }

    @Test
    void reportsReadAsOnePageAreTheReportsReadOneByOne() throws IOException {
        String first = store.submit(interpolReport("page one")).id();
        String second = store.submit(interpolReport("page two")).id();
        store.changeStatus(second, Status.TRIAGED, "analyst", "seen");

        List<Report> page = store.reports(List.of(second, "VG-NOSUCHREPORT", first));

        assertThat(page)
                .containsExactly(
                        store.report(second).orElseThrow(), store.report(first).orElseThrow());
    }

    @Test
    void evidenceBytesComeBackExactlyAndEachReadJoinsTheChainOfCustody() throws IOException {
        byte[] eml = resource("/detect/fake_authority/interpol_summons_gmail.eml");
        Submission s = store.submit(interpolReport("convocation"));

        Store.EvidenceContent content =
                store.evidence(s.id(), 0, "analyst:alice").orElseThrow();
        assertThat(content.bytes()).isEqualTo(eml);
        assertThat(content.meta().sha256()).isEqualTo(Evidence.sha256(eml));

        List<Store.CustodyEvent> chain = store.custody(Evidence.sha256(eml));
        assertThat(chain).extracting(Store.CustodyEvent::action).containsExactly("received", "read");
        assertThat(chain.get(0).channel()).hasValue("email");
        assertThat(chain.get(1).actor()).isEqualTo("analyst:alice");
        assertThat(store.evidence(s.id(), 7, "analyst:alice")).isEmpty();
    }

    @Test
    void theSameBytesInTwoReportsAreStoredOnce() throws IOException {
        store.submit(interpolReport("first victim"));
        store.submit(interpolReport("second victim"));

        assertThat(store.count()).isEqualTo(2);
        assertThat(store.blobCount()).isEqualTo(1);
    }

    @Test
    void submittingTheSameFieldsAndBytesTwiceGivesOneReportAndTheSameToken() throws IOException {
        Submission first = store.submit(interpolReport("same"));
        Submission second = store.submit(interpolReport("same"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.token()).isEqualTo(first.token());
        assertThat(second.duplicate()).isTrue();
        assertThat(first.duplicate()).isFalse();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void identicalSubmissionsRacingEachOtherGiveOneReport() throws Exception {
        PreparedReport report = interpolReport("racing");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Submission>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> store.submit(report));
            }
            var ids = new HashSet<String>();
            for (Future<Submission> f : pool.invokeAll(tasks)) {
                ids.add(f.get().id());
            }
            assertThat(ids).hasSize(1);
            assertThat(store.count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheFollowUpTokenOpensAReport() throws IOException {
        Submission s = store.submit(interpolReport("token"));

        assertThat(store.tokenOpens(s.id(), s.token())).isTrue();
        assertThat(store.tokenOpens(s.id(), s.token() + "x")).isFalse();
        assertThat(store.tokenOpens(s.id(), "")).isFalse();
        assertThat(store.tokenOpens("VG-000000000000", s.token())).isFalse();
        assertThat(s.toString()).doesNotContain(s.token());
    }

    @Test
    void analystsSeeAPseudonymNeverTheReportersIdentity() throws IOException {
        Submission s = store.submit(interpolReport("pseudonym"));

        Report r = store.report(s.id()).orElseThrow();
        assertThat(r.reporterPseudonym()).hasValueSatisfying(p -> assertThat(p).startsWith("P-"));
        assertThat(r.toString()).doesNotContain("Marie").doesNotContain("marie.dupont");
    }

    @Test
    void anAnonymousReportHasNoPseudonym() {
        PreparedReport anonymous = intake.prepare(
                form.read(fields("narrative", "Un faux conseiller bancaire m'a appelé."), List.of(), "web"));
        Submission s = store.submit(anonymous);

        assertThat(store.report(s.id()).orElseThrow().reporterPseudonym()).isEmpty();
    }

    @Test
    void statusChangesKeepTheirHistory() throws IOException {
        Submission s = store.submit(interpolReport("status"));

        assertThat(store.changeStatus(s.id(), Status.TRIAGED, "analyst:bob", "fake authority, coupons"))
                .isTrue();
        assertThat(store.changeStatus(s.id(), Status.ORIENTED, "analyst:bob", null))
                .isTrue();
        assertThat(store.changeStatus("VG-000000000000", Status.CLOSED, "analyst:bob", null))
                .isFalse();

        Report r = store.report(s.id()).orElseThrow();
        assertThat(r.status()).isEqualTo(Status.ORIENTED);
        assertThat(r.history())
                .extracting(Report.StatusChange::status)
                .containsExactly(Status.NEW, Status.TRIAGED, Status.ORIENTED);
        assertThat(r.history().get(1).actor()).isEqualTo("analyst:bob");
        assertThat(r.history().get(1).note()).isEqualTo("fake authority, coupons");
    }

    @Test
    void listingFiltersBySchemeDateAndIds() throws IOException {
        Submission scam = store.submit(interpolReport("list"));
        Submission other = store.submit(intake.prepare(form.read(
                fields("message", "Bonjour, je confirme notre dîner de samedi à 20h chez Paul."), List.of(), "web")));

        List<ReportSummary> fake = store.list(new ReportFilter(
                Optional.of("fake_authority"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                10,
                0));
        assertThat(fake).extracting(ReportSummary::id).containsExactly(scam.id());

        List<ReportSummary> later = store.list(new ReportFilter(
                Optional.empty(),
                Optional.of(NOW.plusSeconds(1)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                10,
                0));
        assertThat(later).isEmpty();

        List<ReportSummary> byIds = store.list(new ReportFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(List.of(other.id())),
                10,
                0));
        assertThat(byIds).extracting(ReportSummary::id).containsExactly(other.id());
        assertThat(store.list(ReportFilter.all())).hasSize(2);
    }

    @Test
    void aBatchIsStoredWhole() throws IOException {
        List<Submission> batch =
                store.submitAll(List.of(interpolReport("a"), interpolReport("b"), interpolReport("a")));

        assertThat(batch).hasSize(3);
        assertThat(batch.get(2).id()).isEqualTo(batch.get(0).id());
        assertThat(batch.get(2).duplicate()).isTrue();
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void whatWasStoredIsThereAfterReopening() throws Exception {
        Submission s = store.submit(interpolReport("reopen"));
        store.close();
        store = reopen(Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(store.report(s.id())).isPresent();
        assertThat(store.tokenOpens(s.id(), s.token())).isTrue();
        assertThat(store.evidence(s.id(), 0, "test").orElseThrow().bytes())
                .isEqualTo(resource("/detect/fake_authority/interpol_summons_gmail.eml"));
    }

    @Test
    void searchableTextHoldsTheNarrativeAndTheMessages() throws IOException {
        Submission s = store.submit(interpolReport("J'ai payé en coupons PCS"));

        Store.Indexable doc = store.indexable(s.id()).orElseThrow();
        assertThat(doc.narrative()).contains("coupons PCS");
        assertThat(doc.texts()).singleElement().asString().containsIgnoringCase("convocation judiciaire");
        List<String> all = new ArrayList<>();
        store.forEachIndexable(d -> all.add(d.id()));
        assertThat(all).containsExactly(s.id());
    }

    @Test
    void anIdentifierWrittenDifferentlyInTwoReportsIsFoundInBothWithTheirLossesAndCountries() {
        PreparedReport first = intake.prepare(form.read(
                fields(
                        "narrative", "virement demandé",
                        "identifier", "FR76 3000 6000 0112 3456 7890 189",
                        "loss", "1000 EUR transfer",
                        "contact_email", "a@example.fr"),
                List.of(),
                "web"));
        PreparedReport second = intake.prepare(form.read(
                fields(
                        "narrative", "another transfer",
                        "identifier", "fr7630006000011234567890189",
                        "loss", "250.50 EUR transfer",
                        "country", "BE"),
                List.of(),
                "web"));
        Submission a = store.submit(first);
        Submission b = store.submit(second);

        fr.vigie.report.Indicator found = store.indicator(
                new fr.vigie.identifier.Identifiers()
                        .parseAny("FR7630006000011234567890189")
                        .orElseThrow(),
                10);
        assertThat(found.reportCount()).isEqualTo(2);
        assertThat(found.victims()).isEqualTo(2);
        assertThat(found.reports()).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(found.lossesByCurrency().get("EUR")).isEqualByComparingTo("1250.50");
        assertThat(found.countries()).containsExactly("BE", "FR");
        assertThat(found.firstSeen()).hasValue(NOW);

        fr.vigie.report.Indicator unknown = store.indicator(
                new fr.vigie.identifier.Identifiers()
                        .parseAny("DE89370400440532013000")
                        .orElseThrow(),
                10);
        assertThat(unknown.reportCount()).isZero();
        assertThat(unknown.firstSeen()).isEmpty();
    }

    private Submission report(String... pairs) {
        return store.submit(intake.prepare(form.read(fields(pairs), List.of(), "web")));
    }

    private static String text(String path) throws IOException {
        return new String(resource(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void twoReportsWithTheSameIbanWrittenDifferentlyAreOneCampaign() {
        Submission a = report("narrative", "virement", "identifier", "FR76 3000 6000 0112 3456 7890 189");
        Submission b = report("narrative", "autre virement", "identifier", "fr7630006000011234567890189");
        Submission c = report("narrative", "rien à voir", "identifier", "+33 6 98 76 54 32");

        assertThat(store.campaignOf(a.id())).isEqualTo(store.campaignOf(b.id()));
        assertThat(store.campaignOf(a.id()).orElseThrow().size()).isEqualTo(2);
        assertThat(store.campaignOf(c.id()).orElseThrow().size()).isEqualTo(1);
        fr.vigie.report.Indicator iban = store.indicator(
                new fr.vigie.identifier.Identifiers()
                        .parseAny("FR7630006000011234567890189")
                        .orElseThrow(),
                10);
        assertThat(iban.campaigns())
                .containsExactly(store.campaignOf(a.id()).orElseThrow().id());
    }

    @Test
    void reportsThatOnlyShareAFreeMailDomainOrAPrivateAddressAreNotLinked() {
        Submission a = report("narrative", "a", "identifier", "agent.one@gmail.com", "identifier", "10.0.0.1");
        Submission b = report("narrative", "b", "identifier", "agent.two@gmail.com", "identifier", "10.0.0.1");

        assertThat(store.campaignOf(a.id()).orElseThrow().size()).isEqualTo(1);
        assertThat(store.campaignOf(b.id()).orElseThrow().size()).isEqualTo(1);
    }

    @Test
    void theVictimsOwnAddressNeverLinksTheirReports() {
        Submission a = report("narrative", "a", "contact_email", "moi@example.fr", "identifier", "moi@example.fr");
        Submission b = report("narrative", "b", "contact_email", "moi@example.fr", "identifier", "moi@example.fr");

        assertThat(store.campaignOf(a.id()).orElseThrow().size()).isEqualTo(1);
        assertThat(store.campaignOf(b.id()).orElseThrow().size()).isEqualTo(1);
    }

    @Test
    void aTemplateVariantJoinsItsCampaignThoughEveryIdentifierDiffers() throws Exception {
        Submission a = report("message", text("/link/sextortion-en-1.txt"));
        Submission b = report("message", text("/link/sextortion-en-2.txt"));
        Submission other = report("message", text("/link/convocation-fr-1.txt"));

        assertThat(store.campaignOf(b.id())).isEqualTo(store.campaignOf(a.id()));
        assertThat(store.campaignOf(other.id())).isNotEqualTo(store.campaignOf(a.id()));
    }

    @Test
    void campaignsAreTheSameAfterReopening() throws Exception {
        Submission a = report("narrative", "a", "identifier", "+33 6 12 34 56 78");
        Submission b = report("narrative", "b", "identifier", "06 12 34 56 78");
        Store.Campaign before = store.campaignOf(b.id()).orElseThrow();
        store.close();
        store = reopen(Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(store.campaignOf(b.id())).hasValue(before);
        assertThat(store.campaignOf(a.id())).hasValue(before);
        Submission c = report("narrative", "c", "identifier", "+33612345678");
        assertThat(store.campaignOf(c.id()).orElseThrow().size()).isEqualTo(3);
    }

    @Test
    void aFullRebuildOfTheLinksGivesTheSameCampaignsAsTheyGrewIncrementally() throws Exception {
        List<Submission> submitted = new ArrayList<>();
        submitted.add(report("narrative", "a", "identifier", "FR76 3000 6000 0112 3456 7890 189"));
        submitted.add(report("narrative", "b", "identifier", "+33 6 12 34 56 78"));
        submitted.add(
                report("narrative", "c", "identifier", "fr7630006000011234567890189", "identifier", "0612345678"));
        submitted.add(report("narrative", "d", "identifier", "agent.x@gmail.com", "contact_email", "moi@example.fr"));
        submitted.add(report("message", text("/link/sextortion-en-3.txt")));
        submitted.add(report("message", text("/link/sextortion-en-4.txt")));
        submitted.add(report("narrative", "e", "identifier", "moi@example.fr", "contact_email", "moi@example.fr"));
        List<Optional<Store.Campaign>> before =
                submitted.stream().map(s -> store.campaignOf(s.id())).toList();

        assertThat(store.rebuildLinks()).isEqualTo(submitted.size());

        assertThat(submitted.stream().map(s -> store.campaignOf(s.id())).toList())
                .isEqualTo(before);
        assertThat(before.get(0).orElseThrow().size()).isEqualTo(3);
    }

    @Test
    void aCampaignsSharedIdentifiersLeaveOutValuesThatNeverLink() {
        Submission a = report("narrative", "a", "identifier", "+33 6 12 34 56 78", "identifier", "gmail.com");
        report("narrative", "b", "identifier", "06 12 34 56 78", "identifier", "gmail.com");

        Store.CampaignFigures figures =
                store.campaign(store.campaignOf(a.id()).orElseThrow().id(), 10).orElseThrow();

        assertThat(figures.topIdentifiers()).extracting(e -> e.getKey().value()).containsExactly("+33612345678");
    }

    @Test
    void campaignsAreListedBySizeByLossesAndByRecentActivity() {
        report("narrative", "a", "identifier", "+33 6 12 34 56 78");
        report("narrative", "b", "identifier", "06 12 34 56 78");
        report("narrative", "c", "identifier", "0612345678");
        report("narrative", "d", "identifier", "+33 7 81 22 33 44", "loss", "900 EUR transfer");
        Submission last = report("narrative", "e", "identifier", "07 81 22 33 44");
        report("narrative", "alone", "identifier", "+33 6 55 44 33 22");
        String big = store.campaignOf(
                        report("narrative", "f", "identifier", "06 12 34 56 78").id())
                .orElseThrow()
                .id();
        String small = store.campaignOf(last.id()).orElseThrow().id();

        assertThat(store.campaigns("size", 10, 1))
                .extracting(Store.CampaignFigures::id)
                .containsExactly(big, small);
        assertThat(store.campaigns("losses", 10, 1))
                .extracting(Store.CampaignFigures::id)
                .containsExactly(small, big);
        assertThat(store.campaigns("recent", 10, 1))
                .extracting(Store.CampaignFigures::id)
                .containsExactly(big, small);
        assertThat(store.campaigns("size", 1, 1))
                .extracting(Store.CampaignFigures::id)
                .containsExactly(big);
    }

    // ---- accounts (V3__accounts.sql)

    @Test
    void anAccountItsSessionAndItsKeyAreKeptAndASessionEndsWithItsTimeOrItsAccount() {
        Accounts accounts = store.accounts();
        Instant t0 = Instant.parse("2026-11-29T09:00:00Z");
        assertThat(accounts.addAccount("alice", "analyst", "$argon2id$hash", t0))
                .isTrue();
        assertThat(accounts.addAccount("alice", "admin", "$argon2id$other", t0)).isFalse();
        accounts.addSession("a".repeat(64), "alice", "csrf-1", t0, t0.plusSeconds(3600));
        accounts.addKey("0123456789abcdef", "ingest", "analyst", "b".repeat(64), t0);

        assertThat(accounts.account("alice").orElseThrow().role()).isEqualTo("analyst");
        assertThat(accounts.session("a".repeat(64), t0.plusSeconds(60)))
                .hasValueSatisfying(s -> assertThat(s.csrf()).isEqualTo("csrf-1"));
        assertThat(accounts.session("a".repeat(64), t0.plusSeconds(3600))).isEmpty();
        assertThat(accounts.key("0123456789abcdef").orElseThrow().revokedAt()).isEmpty();
        assertThat(accounts.revoke("ingest", t0)).isEqualTo(1);
        assertThat(accounts.key("0123456789abcdef").orElseThrow().revokedAt()).isPresent();

        accounts.addSession("c".repeat(64), "alice", "csrf-2", t0, t0.plusSeconds(3600));
        assertThat(accounts.disable("alice")).isTrue();
        assertThat(accounts.session("c".repeat(64), t0.plusSeconds(60))).isEmpty();
    }

    @Test
    void accessEventsKeepTheirOrderAndTheirReason() {
        Instant t0 = Instant.parse("2026-11-29T09:00:00Z");
        store.accounts().record(t0, "anonymous", "sign-in-refused", "unknown-account", null);
        store.accounts().record(t0.plusSeconds(1), "supervisor:dave", "reveal", "report:VG-1", "réquisition n° 117");

        assertThat(store.accounts().events())
                .extracting(e -> e.action() + " " + e.reason().orElse("-"))
                .containsExactly("sign-in-refused -", "reveal réquisition n° 117");
    }

    @Test
    void aCampaignsRecentReportsAreCountedFromTheArrivalsSinceAGivenTime() {
        Submission a = report("narrative", "a", "identifier", "+33 6 12 34 56 78");
        report("narrative", "b", "identifier", "06 12 34 56 78");
        report("narrative", "other campaign", "identifier", "+33 6 55 44 33 22");
        report("narrative", "c", "identifier", "0612345678");

        assertThat(store.recentInCampaign(a.id(), NOW.minusSeconds(86_400))).isEqualTo(3);
        assertThat(store.recentInCampaign(a.id(), NOW.plusSeconds(1))).isZero();
        assertThat(store.recentInCampaign("VG-0000000000000000", NOW.minusSeconds(86_400)))
                .isZero();
    }

    /** {@code n} reports that carry one IBAN, each with a loss of 100 EUR. */
    private List<Submission> carriers(String iban, int n) {
        List<Submission> carriers = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            carriers.add(report("narrative", "virement " + i, "identifier", iban, "loss", "100 EUR transfer"));
        }
        return carriers;
    }

    private fr.vigie.report.Indicator lookUp(String value) {
        return store.indicator(
                new fr.vigie.identifier.Identifiers().parseAny(value).orElseThrow(), 100);
    }

    @Test
    void aLookUpOfAValueManyReportsCarrySeesTheReportsSubmittedAfterIt() {
        List<Submission> carriers = carriers("FR76 3000 6000 0112 3456 7890 189", 24);
        assertThat(lookUp("FR7630006000011234567890189").reportCount()).isEqualTo(24);
        assertThat(lookUp("FR7630006000011234567890189").reportCount()).isEqualTo(24);

        Submission late =
                report("narrative", "encore un virement", "identifier", "FR7630006000011234567890189", "country", "BE");
        report("narrative", "a report that does not carry it", "identifier", "+33 6 98 76 54 32");

        fr.vigie.report.Indicator found = lookUp("FR7630006000011234567890189");
        assertThat(found.reportCount()).isEqualTo(25);
        assertThat(found.reports()).contains(late.id()).containsAll(ids(carriers));
        assertThat(found.countries()).containsExactly("BE", "FR");
        assertThat(found.lossesByCurrency().get("EUR")).isEqualByComparingTo("2400");
        assertThat(found.campaigns())
                .containsExactly(store.campaignOf(late.id()).orElseThrow().id());
    }

    /** Every answer is kept in memory, a value one report carries too: the next report carrying it is seen. */
    @Test
    void aLookUpOfAValueOneReportCarriesSeesTheNextReportCarryingIt() {
        Submission first = report("narrative", "un virement", "identifier", "FR7630006000011234567890189");
        assertThat(lookUp("FR7630006000011234567890189").reports()).containsExactly(first.id());
        assertThat(lookUp("FR7630006000011234567890189").reports()).containsExactly(first.id());

        Submission second = report("narrative", "un autre virement", "identifier", "FR76 3000 6000 0112 3456 7890 189");

        assertThat(lookUp("FR7630006000011234567890189").reports()).containsExactlyInAnyOrder(first.id(), second.id());
    }

    /** Concurrent look-ups of a value not kept share one read of it: each gets the whole answer. */
    @Test
    void concurrentLookUpsOfOneValueEachGetAllItsReports() throws Exception {
        List<Submission> carriers = carriers("FR76 3000 6000 0112 3456 7890 189", 30);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<fr.vigie.report.Indicator>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(threads.submit(() -> lookUp("FR7630006000011234567890189")));
            }
            for (var answer : answers) {
                assertThat(answer.get().reportCount()).isEqualTo(30);
                assertThat(answer.get().reports()).containsExactlyInAnyOrderElementsOf(ids(carriers));
            }
        }
    }

    @Test
    void aLookUpOfAValueManyReportsCarryForgetsWhatTheRetentionJobRemoved() {
        carriers("FR76 3000 6000 0112 3456 7890 189", 24);
        assertThat(lookUp("FR7630006000011234567890189").reportCount()).isEqualTo(24);

        store.retention()
                .run(
                        new Retention.Policy(
                                Period.ofYears(50), Period.ofYears(50), Period.ofDays(1), Period.ofYears(90)),
                        NOW.plus(Period.ofDays(2)));

        assertThat(lookUp("FR7630006000011234567890189").reportCount()).isZero();
        assertThat(lookUp("FR7630006000011234567890189").reports()).isEmpty();
    }

    private static List<String> ids(List<Submission> submissions) {
        return submissions.stream().map(Submission::id).toList();
    }
}
