package fr.vigie.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.i18n.Lang;
import fr.vigie.message.Evidence;
import fr.vigie.orient.Case;
import fr.vigie.orient.Step;
import fr.vigie.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The complaint dossier of a report stored as the server stores it, read back with PDFBox. */
class VictimDossierTest {
    static DossierStoreFixture store;
    static String id;
    static byte[] eml;

    @BeforeAll
    static void submit() {
        store = new DossierStoreFixture();
        eml = DossierStoreFixture.fixture("messages/fake-interpol.eml");
        id = store.submit(
                List.of(
                        "narrative", "J'ai reçu une convocation d'INTERPOL ; j'ai payé 450 € en coupons PCS à Noël.",
                        "channel", "email",
                        "first_contact", "2026-11-02",
                        "last_contact", "2026-11-04",
                        "loss", "450 EUR coupon 2026-11-03",
                        "identifier", "FR76 3000 6000 0112 3456 7890 189",
                        "contact_name", "Gaëlle Dupont",
                        "contact_email", "gaelle.dupont@example.fr"),
                Map.of("convocation.eml", eml));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Pdfs dossier(Lang lang) throws IOException {
        VictimDossier dossier = store.dossiers.victim(id, Optional.of(lang)).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.dossiers.write(dossier, lang, out);
        return new Pdfs(out.toByteArray());
    }

    @Test
    void dossierTellsTheFactsInTheVictimsWords() throws IOException {
        String text = dossier(Lang.FR).flatText();
        assertThat(text)
                .contains("J'ai reçu une convocation d'INTERPOL ; j'ai payé 450 € en coupons PCS à Noël.")
                .contains("2026-11-02")
                .contains("2026-11-04")
                .contains(id);
    }

    @Test
    void eachEvidenceItemHasItsSha256AndReceptionTime() throws IOException {
        String text = dossier(Lang.FR).flatText();
        var report = store.reports.report(id).orElseThrow();
        assertThat(text).contains(Evidence.sha256(eml));
        assertThat(text).contains(Formats.dateTime(report.evidence().get(0).receivedAt()));
    }

    @Test
    void theScammersIdentifiersAreListedAsAPersonReadsThem() throws IOException {
        String text = dossier(Lang.FR).flatText();
        assertThat(text).contains("FR76 3000 6000 0112 3456 7890 189");
        assertThat(text).contains("commissaire.martin@outlook.fr");
    }

    @Test
    void headerFindingsAreSaidInPlainWords() throws IOException {
        String text = dossier(Lang.FR).flatText();
        assertThat(text).contains("185.220.101.33");
        assertThat(text).contains("SPF : échec");
        assertThat(text).contains("Les réponses vont à");
    }

    @Test
    void lossesAreTotalledInTheirCurrency() throws IOException {
        assertThat(dossier(Lang.FR).flatText()).contains("Total en EUR : 450,00 EUR");
        assertThat(dossier(Lang.EN).flatText()).contains("Total in EUR: 450.00 EUR");
    }

    @Test
    void theServicesToContactAreTheRoutersStepsInOrder() throws IOException {
        Report report = store.reports.store().report(id).orElseThrow();
        List<Step> steps =
                DossierStoreFixture.APP.router().route(Case.of(report), Lang.FR).steps();
        // Long titles wrap (a line may break after a hyphen): compared without white space.
        String text = dossier(Lang.FR).flatText().replaceAll("\\s+", "");

        assertThat(steps).hasSizeGreaterThan(2);
        int previous = -1;
        for (Step step : steps) {
            int at = text.indexOf(step.title().replaceAll("\\s+", ""), previous + 1);
            assertThat(at).as(step.title()).isGreaterThan(previous);
            previous = at;
        }
        assertThat(text).doesNotContainIgnoringCase("interpol.int");
    }

    @Test
    void theVerdictAndRedFlagsAreGiven() throws IOException {
        var report = store.reports.report(id).orElseThrow();
        String text = dossier(Lang.EN).flatText();
        assertThat(text).contains("Vigie's analysis");
        assertThat(text).contains("score " + report.score() + "/100");
        assertThat(text).contains("Red flags");
    }

    @Test
    void theReportersIdentityNeverAppears() throws IOException {
        String text = dossier(Lang.FR).flatText();
        assertThat(text).doesNotContain("Gaëlle Dupont").doesNotContain("gaelle.dupont@example.fr");
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        List<PDFont> fonts = dossier(Lang.FR).fonts();
        assertThat(fonts).isNotEmpty();
        assertThat(fonts)
                .allSatisfy(
                        font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
    }

    @Test
    void englishDossierIsInEnglishAndFrenchInFrench() throws IOException {
        assertThat(dossier(Lang.EN).flatText()).contains("Complaint dossier", "The facts", "Services to contact");
        assertThat(dossier(Lang.FR).flatText()).contains("Dossier de plainte", "Les faits", "Services à contacter");
    }

    @Test
    void everyPageIsNumberedAndDated() throws IOException {
        Pdfs pdf = dossier(Lang.FR);
        String text = pdf.flatText();
        for (int page = 1; page <= pdf.pages(); page++) {
            assertThat(text).contains("page " + page + " / " + pdf.pages());
        }
        assertThat(text).contains("établi le " + Formats.dateTime(DossierStoreFixture.GENERATED));
    }

    @Test
    void aReportWithoutServicesSaysSo() throws IOException {
        VictimDossier routed = store.dossiers.victim(id, Optional.empty()).orElseThrow();
        VictimDossier dossier = new VictimDossier(routed.report(), routed.custody(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.dossiers.write(dossier, Lang.EN, out);
        assertThat(new Pdfs(out.toByteArray()).flatText()).contains("No service has been chosen");
    }
}
