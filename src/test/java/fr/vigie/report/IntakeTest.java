package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.detect.Verdict;
import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntakeTest {
    static Intake intake;

    @BeforeAll
    static void wire() {
        App app = new App(Config.defaults());
        intake = app.intake();
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = IntakeTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    static NewReport report(String narrative, EvidenceFile... files) {
        return new NewReport(
                Optional.empty(),
                new Situation(false, "FR", Lang.FR),
                Channel.EMAIL,
                narrative,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(files),
                "test");
    }

    @Test
    void aMessageIsAnalysedAndTheReportTakesItsVerdict() throws IOException {
        PreparedReport p = intake.prepare(report(
                "",
                new EvidenceFile("m.eml", "message/rfc822", resource("/detect/sextortion/hacked_webcam_bitcoin.eml"))));

        assertThat(p.verdict()).hasValue(Verdict.SCAM);
        assertThat(p.schemes()).first().isEqualTo("sextortion");
        assertThat(p.identifiers()).anyMatch(i -> i.identifier().kind() == Kind.BTC);
    }

    @Test
    void theVictimsOwnAddressIsNeverAnIdentifierOfTheReport() throws IOException {
        byte[] eml = resource("/detect/fake_authority/interpol_summons_gmail.eml");
        PreparedReport p = intake.prepare(report("", new EvidenceFile("m.eml", "message/rfc822", eml)));
        List<String> recipients = p.evidence().get(0).message().orElseThrow().recipients();

        assertThat(recipients).isNotEmpty();
        assertThat(p.identifiers())
                .noneMatch(i -> recipients.contains(i.identifier().normalized()));
    }

    @Test
    void anImageIsKeptButNotAnalysed() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        PreparedReport p = intake.prepare(report("capture", new EvidenceFile("capture.png", "image/png", png)));

        assertThat(p.evidence()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEmpty();
            assertThat(e.refusal()).isEmpty();
            assertThat(e.sha256()).hasSize(64);
        });
        assertThat(p.verdict()).isEmpty();
    }

    @Test
    void aMessageThatCannotBeReadIsKeptWithTheReason() {
        byte[] binary = new byte[4096];
        PreparedReport p = intake.prepare(report("", new EvidenceFile("m.txt", "text/plain", binary)));

        assertThat(p.evidence()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEmpty();
            assertThat(e.refusal()).isPresent();
        });
    }

    @Test
    void theSubmissionKeyChangesWithAnyFieldAndNotOtherwise() {
        EvidenceFile text = new EvidenceFile("m.txt", "text/plain", "Bonjour".getBytes(StandardCharsets.UTF_8));
        String key = intake.prepare(report("a", text)).submissionKey();

        assertThat(intake.prepare(report("a", text)).submissionKey()).isEqualTo(key);
        assertThat(intake.prepare(report("b", text)).submissionKey()).isNotEqualTo(key);
        EvidenceFile other = new EvidenceFile("m.txt", "text/plain", "Bonjour!".getBytes(StandardCharsets.UTF_8));
        assertThat(intake.prepare(report("a", other)).submissionKey()).isNotEqualTo(key);
        // A narrative that looks like two fields is still one field.
        assertThat(intake.prepare(report("a\nfirst:0:", text)).submissionKey()).isNotEqualTo(key);
    }
}
