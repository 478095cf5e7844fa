package fr.vigie.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.i18n.Lang;
import fr.vigie.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The investigation dossier of a campaign of reports stored as the server stores them, read back with PDFBox. */
class CampaignDossierTest {
    static final String[] ORIGINS = {"185.220.101.33", "185.220.101.33", "185.220.101.33", "45.137.21.9", "45.137.21.9"
    };

    static DossierStoreFixture store;
    static final List<String> ids = new ArrayList<>();
    static String campaign;

    @BeforeAll
    static void submit() {
        store = new DossierStoreFixture();
        String eml = new String(DossierStoreFixture.fixture("messages/fake-interpol.eml"), StandardCharsets.UTF_8);
        for (int i = 0; i < ORIGINS.length; i++) {
            byte[] message = eml.replace("185.220.101.33", ORIGINS[i])
                    .replace("N=C2=B0_2024-118", "N=C2=B0_2024-" + (200 + i))
                    .getBytes(StandardCharsets.UTF_8);
            ids.add(store.submit(
                    List.of(
                            "narrative", "Je m'appelle Victime" + i + " Durand et j'ai payé.",
                            "channel", "email",
                            "loss", (100 + i) + " EUR coupon 2026-11-0" + (i + 1),
                            "identifier", "FR76 3000 6000 0112 3456 7890 189",
                            "contact_name", "Victime" + i + " Durand",
                            "contact_email", "victime" + i + "@example.fr"),
                    Map.of("convocation-" + i + ".eml", message)));
        }
        campaign = store.reports.store().campaignOf(ids.get(0)).orElseThrow().id();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Pdfs dossier(Lang lang) throws IOException {
        CampaignDossier dossier = store.dossiers.campaign(campaign).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.dossiers.write(dossier, lang, out);
        return new Pdfs(out.toByteArray());
    }

    @Test
    void theReportsLinkedBySharedIdentifiersAreOneCampaign() {
        assertThat(store.reports
                        .store()
                        .campaignOf(ids.get(ORIGINS.length - 1))
                        .orElseThrow()
                        .id())
                .isEqualTo(campaign);
    }

    @Test
    void everyReportIsListedWithItsVictimsPseudonym() throws IOException {
        String text = dossier(Lang.FR).flatText();
        for (String id : ids) {
            Report report = store.reports.report(id).orElseThrow();
            assertThat(text).contains(id);
            assertThat(text).contains(report.reporterPseudonym().orElseThrow());
        }
    }

    @Test
    void victimsAreNeverNamedNorTheirContactsGiven() throws IOException {
        String text = dossier(Lang.FR).flatText();
        for (int i = 0; i < ORIGINS.length; i++) {
            assertThat(text).doesNotContain("Victime" + i).doesNotContain("victime" + i + "@example.fr");
        }
    }

    @Test
    void lossesAreAddedUpByCurrency() throws IOException {
        // 100 + 101 + 102 + 103 + 104
        assertThat(dossier(Lang.EN).flatText()).contains("EUR 510.00 EUR");
    }

    @Test
    void sharedIdentifiersComeWithTheirCountsAndWhyTheyLink() throws IOException {
        String text = dossier(Lang.FR).flatText();
        assertThat(text).contains("FR76 3000 6000 0112 3456 7890 189 " + ORIGINS.length);
        assertThat(text)
                .contains("même IBAN FR76 3000 6000 0112 3456 7890 189, vu dans " + ORIGINS.length + " signalements");
    }

    @Test
    void originatingIpsAreCountedAcrossTheReports() throws IOException {
        String text = dossier(Lang.EN).flatText();
        assertThat(text).contains("185.220.101.33 smtp.example-bulk.com 3");
        assertThat(text).contains("45.137.21.9 smtp.example-bulk.com 2");
        assertThat(text).contains("mailer.example-bulk.com " + ORIGINS.length);
    }

    @Test
    void theTemplateExcerptQuotesTheMessageNotTheVictim() throws IOException {
        String text = dossier(Lang.FR).flatText();
        assertThat(text).contains("Vous êtes convoqué(e) pour des faits de pédopornographie.");
        assertThat(text).doesNotContain("j'ai payé");
    }

    @Test
    void theSummaryComesBeforeTheListOfReports() throws IOException {
        String text = dossier(Lang.EN).flatText();
        assertThat(text.indexOf("Investigation dossier")).isLessThan(text.indexOf("7. The reports"));
        assertThat(text.indexOf("1. Overview")).isLessThan(text.indexOf("5. Originating IP addresses"));
        assertThat(text).contains("page 1 / ");
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        assertThat(dossier(Lang.FR).fonts())
                .isNotEmpty()
                .allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
    }
}
