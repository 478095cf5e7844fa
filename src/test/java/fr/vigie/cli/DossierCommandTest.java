package fr.vigie.cli;

import static fr.vigie.cli.CliRun.vigieAs;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Reports;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.ReportForm;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DossierCommandTest {
    @TempDir
    Path dir;

    /** Two reports sharing an IBAN, stored in {@code dir}; returns the first one's id. */
    String storeTwoReports() throws IOException {
        App app = new App(Config.defaults().withDataDir(dir));
        byte[] eml;
        try (InputStream in = getClass().getResourceAsStream("/messages/fake-interpol.eml")) {
            eml = in.readAllBytes();
        }
        try (Reports reports = new Reports(
                Store.open(app.config()),
                SearchIndex.open(dir.resolve("index")),
                app.intake(),
                new ReportForm(app.identifiers()))) {
            String first = null;
            for (String narrative : List.of("Première convocation, 450 € payés.", "Deuxième convocation.")) {
                String id = reports.submit(
                                Map.of(
                                        "narrative", List.of(narrative),
                                        "lang", List.of("en"),
                                        "identifier", List.of("FR76 3000 6000 0112 3456 7890 189")),
                                List.of(new EvidenceFile("m.eml", "message/rfc822", eml)),
                                "test")
                        .id();
                first = first == null ? id : first;
            }
            return first;
        }
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aReportsDossierIsWrittenInTheReportsLanguage() throws IOException {
        String id = storeTwoReports();
        Path out = dir.resolve("victim.pdf");
        CliRun run = vigieAs(Role.ANALYST, dir, "dossier", id, "--data", dir.toString(), "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(out.toString());
        assertThat(text(out)).contains("Complaint dossier", id, "Première convocation");
    }

    @Test
    void aCampaignsDossierIsWrittenInTheLanguageAsked() throws IOException {
        String id = storeTwoReports();
        String campaign;
        try (Store store = Store.open(Config.defaults().withDataDir(dir))) {
            campaign = store.campaignOf(id).orElseThrow().id();
        }
        Path out = dir.resolve("campaign.pdf");
        CliRun run = vigieAs(
                Role.ANALYST,
                dir,
                "dossier",
                campaign,
                "--lang",
                "fr",
                "--data",
                dir.toString(),
                "--out",
                out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(text(out)).contains("Dossier d'enquête", campaign, id);
    }

    @Test
    void anUnknownIdSaysSoAndWritesNothing() throws IOException {
        storeTwoReports();
        Path out = dir.resolve("none.pdf");
        CliRun run = vigieAs(
                Role.ANALYST, dir, "dossier", "VG-0000000000000", "--data", dir.toString(), "--out", out.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("no report or campaign VG-0000000000000");
        assertThat(out).doesNotExist();
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part")))
                .isEmpty();
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        CliRun run = vigieAs(Role.ANALYST, dir, "dossier", "C-1", "--lang", "de", "--data", dir.toString());
        assertThat(run.code()).isEqualTo(2);
    }
}
