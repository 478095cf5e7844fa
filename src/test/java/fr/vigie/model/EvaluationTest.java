package fr.vigie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.vigie.rules.Schemes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static void add(List<Evaluation.Row> rows, int times, String corpus, String gold, String scheme) {
        for (int i = 0; i < times; i++) {
            rows.add(new Evaluation.Row(corpus, gold, new Judgement(scheme, Schemes.isScam(scheme))));
        }
    }

    /**
     * 10 legitimate (8 right, 1 judged spam, 1 judged phishing), 5 phishing (4 right, 1 judged legitimate), 5 spam
     * (3 right, 2 judged legitimate). By hand: legitimate P 8/11 R 8/10; phishing P 4/5 R 4/5; spam P 3/4 R 3/5.
     */
    private static Evaluation handMade(boolean binary) {
        List<Evaluation.Row> rows = new ArrayList<>();
        add(rows, 8, "ham", "legitimate", "legitimate");
        add(rows, 1, "ham", "legitimate", "spam");
        add(rows, 1, "ham", "legitimate", "phishing");
        add(rows, 4, "pot", "phishing", "phishing");
        add(rows, 1, "pot", "phishing", "legitimate");
        add(rows, 3, "ham", "spam", "spam");
        add(rows, 2, "ham", "spam", "legitimate");
        return Evaluation.of(rows, binary);
    }

    @Test
    void perClassPrecisionRecallAndF1MatchTheHandCount() {
        List<Evaluation.ClassScore> classes = handMade(false).classes();
        assertThat(classes).extracting(Evaluation.ClassScore::scheme).containsExactly("phishing", "spam", "legitimate");
        Evaluation.ClassScore legitimate = classes.get(2);
        assertThat(legitimate.precision()).isCloseTo(8 / 11.0, within(1e-9));
        assertThat(legitimate.recall()).isCloseTo(0.8, within(1e-9));
        assertThat(legitimate.f1()).isCloseTo(2 * (8 / 11.0) * 0.8 / (8 / 11.0 + 0.8), within(1e-9));
        assertThat(classes.get(0).f1()).isCloseTo(0.8, within(1e-9));
        assertThat(classes.get(1).precision()).isCloseTo(0.75, within(1e-9));
        assertThat(classes.get(1).recall()).isCloseTo(0.6, within(1e-9));
        assertThat(classes.get(1).f1()).isCloseTo(2 * 0.75 * 0.6 / 1.35, within(1e-9));
    }

    @Test
    void macroF1AccuracyAndFprFollowFromTheCounts() {
        Evaluation evaluation = handMade(false);
        double legitimateF1 = 2 * (8 / 11.0) * 0.8 / (8 / 11.0 + 0.8);
        assertThat(evaluation.macroF1()).isCloseTo((0.8 + 2 * 0.75 * 0.6 / 1.35 + legitimateF1) / 3, within(1e-9));
        assertThat(evaluation.accuracy()).isCloseTo(15 / 20.0, within(1e-9));
        assertThat(evaluation.fpr()).isCloseTo(0.1, within(1e-9));
        assertThat(evaluation.confusion()).isEqualTo(new Evaluation.Confusion(4, 1, 1, 14));
        assertThat(evaluation.report()).endsWith("macro-F1 0.7429 accuracy 0.7500 fpr 0.1000\n");
    }

    @Test
    void binaryModeCountsSpamAsNotScam() {
        Evaluation binary = handMade(true);
        assertThat(binary.classes()).extracting(Evaluation.ClassScore::scheme).containsExactly("scam", "not_scam");
        assertThat(binary.accuracy()).isCloseTo(18 / 20.0, within(1e-9));
        assertThat(binary.classes().get(0).precision()).isCloseTo(0.8, within(1e-9));
        assertThat(binary.classes().get(0).recall()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void perCorpusFiguresAndRareClassesAreReported() {
        Evaluation evaluation = handMade(false);
        assertThat(evaluation.corpora()).hasSize(2);
        Evaluation.CorpusFigures pot = evaluation.corpora().get(1);
        assertThat(pot.corpus()).isEqualTo("pot");
        assertThat(pot.scamRecall()).isCloseTo(0.8, within(1e-9));
        assertThat(evaluation.corpora().get(0).legitimateFpr()).isCloseTo(0.1, within(1e-9));
        assertThat(evaluation.rareClasses()).isEmpty();
    }

    @Test
    void classesUnderFiveExamplesAreLeftOutOfTheSecondMacroF1Only() {
        List<Evaluation.Row> rows = new ArrayList<>();
        add(rows, 5, "ham", "legitimate", "legitimate");
        add(rows, 4, "pot", "phishing", "phishing");
        add(rows, 1, "pot", "phishing", "legitimate");
        add(rows, 2, "pot", "romance", "phishing");
        Evaluation evaluation = Evaluation.of(rows, false);
        double legitimate = 2 * (5 / 6.0) / (5 / 6.0 + 1);
        double phishing = 2 * (4 / 6.0) * 0.8 / (4 / 6.0 + 0.8);
        assertThat(evaluation.rareClasses()).containsExactly("romance");
        assertThat(evaluation.macroF1()).isCloseTo((legitimate + phishing + 0) / 3, within(1e-9));
        assertThat(evaluation.macroF1Judgeable()).isCloseTo((legitimate + phishing) / 2, within(1e-9));
        assertThat(evaluation.report())
                .contains("macro-F1 without them (classes with at least 5 examples): 0.8182")
                .endsWith(String.format(
                        java.util.Locale.ROOT, "macro-F1 %.4f accuracy 0.7500 fpr 0.0000%n", evaluation.macroF1()));
    }
}
