package fr.vigie.orient;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.detect.RedFlag;
import fr.vigie.i18n.Lang;
import fr.vigie.report.Channel;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.NewReport;
import fr.vigie.report.PreparedReport;
import fr.vigie.report.Report;
import fr.vigie.report.Situation;
import fr.vigie.report.Status;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A case read from a report about to be stored: the victim's situation and what its messages' analyses found. */
class CaseTest {

    @Test
    void preparedReportOfAMinorCarriesItsSituationSchemesAndRedFlags() throws IOException {
        App app = new App(Config.defaults());
        byte[] eml;
        try (InputStream in = CaseTest.class.getResourceAsStream("/detect/sextortion/hacked_webcam_bitcoin.eml")) {
            eml = in.readAllBytes();
        }
        PreparedReport prepared = app.intake()
                .prepare(new NewReport(
                        Optional.empty(),
                        new Situation(true, "BE", Lang.FR),
                        Channel.EMAIL,
                        "On me fait chanter",
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        List.of(),
                        List.of(new EvidenceFile("m.eml", "message/rfc822", eml)),
                        "test"));

        Case c = Case.of(prepared);

        assertThat(c.country()).isEqualTo("BE");
        assertThat(c.minor()).isTrue();
        assertThat(c.channel()).contains(Channel.EMAIL);
        assertThat(c.schemes()).first().isEqualTo("sextortion");
        assertThat(c.redFlags())
                .isNotEmpty()
                .isEqualTo(prepared.evidence().getFirst().analysis().orElseThrow().redFlags().stream()
                        .map(RedFlag::ruleId)
                        .collect(Collectors.toSet()));
        assertThat(app.router().route(c, Lang.FR).steps())
                .extracting(Step::serviceId)
                .startsWith("trusted_adult", "child_focus");
    }

    @Test
    void storedReportReadsTheRedFlagIdsBackFromItsStoredAnalysis() throws IOException {
        App app = new App(Config.defaults());
        byte[] eml;
        try (InputStream in = CaseTest.class.getResourceAsStream("/detect/sextortion/hacked_webcam_bitcoin.eml")) {
            eml = in.readAllBytes();
        }
        PreparedReport prepared = app.intake()
                .prepare(new NewReport(
                        Optional.empty(),
                        new Situation(false, "FR", Lang.FR),
                        Channel.EMAIL,
                        "",
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        List.of(),
                        List.of(new EvidenceFile("m.eml", "message/rfc822", eml)),
                        "test"));
        String stored = prepared.evidence().getFirst().analysisJson().orElseThrow();
        // a flag whose evidence holds objects with their own "id", and a stray non-object, are read past
        String withNoise =
                stored.replaceFirst("\\{", "{\"headers\":{\"id\":\"not-a-flag\",\"redFlags\":[{\"id\":\"nested\"}]},");

        Case fromStored = Case.of(report(prepared, withNoise));

        assertThat(fromStored.redFlags())
                .isNotEmpty()
                .doesNotContain("not-a-flag", "nested")
                .isEqualTo(Case.of(prepared).redFlags());
        assertThat(Case.of(report(prepared, "not json")).redFlags()).isEmpty();
    }

    private static Report report(PreparedReport prepared, String analysisJson) {
        return new Report(
                "VG-0000000000000001",
                Instant.parse("2026-11-03T10:00:00Z"),
                "test",
                prepared.report().situation(),
                Channel.EMAIL,
                "",
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Status.NEW,
                List.of(),
                List.of(new Report.StoredEvidence(
                        1,
                        "00",
                        1,
                        "m.eml",
                        "message/rfc822",
                        Instant.parse("2026-11-03T10:00:00Z"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(analysisJson))),
                List.of(),
                prepared.verdict(),
                0,
                prepared.schemes(),
                Optional.empty());
    }
}
