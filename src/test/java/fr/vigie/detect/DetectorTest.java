package fr.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.harmonise.Harmoniser;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DetectorTest {
    private static Harmoniser harmoniser;
    private static Detector detector;

    @BeforeAll
    static void wire() {
        App app = new App(Config.defaults());
        harmoniser = app.harmoniser();
        detector = app.detector();
    }

    private static Harmonised fixture(String path) throws IOException {
        try (InputStream in = DetectorTest.class.getResourceAsStream("/" + path)) {
            return harmoniser.harmonise(in.readAllBytes());
        }
    }

    @Test
    void fakeInterpolSummonsIsAScamOfFakeAuthority() throws IOException {
        Analysis analysis = detector.analyse(fixture("messages/fake-interpol.eml"));
        assertThat(analysis.verdict()).isEqualTo(Verdict.SCAM);
        assertThat(analysis.primaryScheme()).isEqualTo("fake_authority");
        assertThat(analysis.redFlags()).extracting(RedFlag::ruleId).isNotEmpty();
    }

    @Test
    void everyRedFlagPointsAtTheTextItNames() throws IOException {
        Harmonised message = fixture("messages/fake-interpol.eml");
        for (RedFlag flag : detector.analyse(message).redFlags()) {
            for (RedFlag.Evidence e : flag.evidence()) {
                if (e.part().matches("body:\\d+")) {
                    String text = message.parts()
                            .get(Integer.parseInt(e.part().substring(5)) - 1)
                            .text();
                    assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
                }
            }
        }
    }

    @Test
    void friendsMessageHasNoRedFlagsAndNoAdvice() {
        Analysis analysis = detector.analyse(harmoniser.harmoniseText(
                "Coucou ! On se retrouve samedi à 14h devant le cinéma ? Dis-moi si ça te va, bisous"));
        assertThat(analysis.verdict()).isEqualTo(Verdict.NO_RED_FLAGS);
        assertThat(analysis.scamTypes()).isEmpty();
        assertThat(analysis.advice()).isEmpty();
    }

    @Test
    void minorGetsTheChildProtectionStepsFirst() {
        Analysis analysis = detector.analyse(
                harmoniser.harmoniseText("J'ai piraté ta webcam et j'ai une vidéo de toi. Envoie 200 € en bitcoin sous"
                        + " 48 heures sinon j'envoie la vidéo à tous tes contacts."),
                true,
                "FR");
        assertThat(analysis.verdict()).isNotEqualTo(Verdict.NO_RED_FLAGS);
        assertThat(analysis.advice().get(0).id()).isEqualTo("MINOR_TELL_ADULT");
        assertThat(analysis.advice()).extracting(Advice::id).contains("MINOR_CALL_3018", "DO_NOT_PAY");
    }

    @Test
    void adviceNeverNamesInterpolAsAContact() throws IOException {
        Analysis analysis = detector.analyse(fixture("messages/fake-interpol.eml"));
        assertThat(analysis.advice())
                .allSatisfy(a -> assertThat(a.fr() + a.en())
                        .doesNotContainPattern("(?i)(contact|appelez|call|écrivez).{0,20}interpol"));
    }

    @Test
    void scoreIsAPercentageThatGrowsWithTheEvidence() throws IOException {
        int scam = detector.analyse(fixture("messages/fake-interpol.eml")).score();
        int friend = detector.analyse(harmoniser.harmoniseText("Merci pour hier soir, à bientôt !"))
                .score();
        assertThat(scam).isBetween(0, 100).isGreaterThan(friend);
        assertThat(friend).isBetween(0, 100);
    }
}
