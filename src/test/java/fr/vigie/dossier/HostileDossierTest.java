package fr.vigie.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.App;
import fr.vigie.i18n.Lang;
import fr.vigie.report.Channel;
import fr.vigie.report.Report;
import fr.vigie.report.Situation;
import fr.vigie.report.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Narratives a victim (or an attacker) may send, drawn without a crash and without a letter off the page. */
class HostileDossierTest {
    static final DossierWriter WRITER =
            new DossierWriter(Clock.fixed(Instant.parse("2026-11-29T08:30:00Z"), ZoneOffset.UTC), App.ruleSet());

    static Report report(String narrative) {
        return new Report(
                "VG-HOSTILE",
                Instant.parse("2026-11-28T10:00:00Z"),
                "test",
                new Situation(false, "FR", Lang.FR),
                Channel.OTHER,
                narrative,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Status.NEW,
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                0,
                List.of(),
                Optional.empty());
    }

    static Pdfs write(String narrative) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WRITER.write(new VictimDossier(report(narrative), List.of(), List.of()), Lang.FR, out);
        return new Pdfs(out.toByteArray());
    }

    @Test
    void aLineOfFiveThousandLettersWrapsInsteadOfRunningOffThePage() throws IOException {
        Pdfs pdf = write("début " + "Ж".repeat(5_000) + " fin-du-récit");
        assertThat(pdf.glyphsOffThePage()).isEmpty();
        assertThat(pdf.text().chars().filter(c -> c == 'Ж').count()).isEqualTo(5_000);
        assertThat(pdf.flatText()).contains("fin-du-récit");
    }

    @Test
    void aMegabyteNarrativeRendersToItsLastWord() throws IOException {
        String sentence = "Le faux conseiller m'a rappelé et j'ai donné le code reçu par SMS. ";
        Pdfs pdf = write(sentence.repeat(1_000_000 / sentence.length() + 1) + "DERNIER-MOT");
        int pages = pdf.pages();
        assertThat(pages).isGreaterThan(100);
        // the end of the narrative, then the sections after it, on the last pages (reading all 190 takes long)
        String end = pdf.text(pages - 2, pages);
        assertThat(end).contains("DERNIER-MOT");
        assertThat(end.indexOf("DERNIER-MOT")).isLessThan(end.indexOf("Services à contacter"));
    }

    @Test
    void controlCharactersAndNulBytesAreShownAsReplacements() throws IOException {
        String text =
                write("avant\u0000NUL\u0007cloche\u001b[31mrouge\u007f fin").flatText();
        assertThat(text).contains("avant\uFFFDNUL\uFFFDcloche\uFFFD[31mrouge\uFFFD fin");
    }

    @Test
    void rightToLeftTextRendersWithoutCrashing() throws IOException {
        Pdfs pdf = write("Il a écrit : مرحبا بك، أرسل المال الآن و שלום עולם, puis \u202Eenverser\u202C le texte.");
        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.flatText()).contains("Il a écrit").contains("le texte.");
    }

    @Test
    void emojiTheFontLacksBecomesTheReplacementGlyph() throws IOException {
        // U+1FAE0 (melting face, Unicode 14) is not in DejaVu Sans 2.37; U+1F600 is kept if the font has it
        String text = write("Il m'a envoyé \uD83E\uDEE0 et des cœurs").flatText();
        assertThat(text).contains("envoyé \uFFFD et des cœurs");
    }

    @Test
    void frenchAccentsAndTheEuroSignSurvive() throws IOException {
        String sentence = "Été, Noël, où, ça, œuvre, Ÿ, « guillemets », 1 250 € versés à Gaël Lefèvre";
        assertThat(write(sentence).flatText()).contains(sentence);
    }

    @Test
    void everyFontOfAHostileDossierIsEmbedded() throws IOException {
        assertThat(write("\u0000\uD83E\uDEE0مرحبا").fonts())
                .allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
    }
}
