package fr.vigie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.rules.Schemes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class ScamModelTest {
    private static final String FRIEND =
            "Coucou ! Tu es toujours partante pour la rando dimanche ? Je passe te prendre a 9h, bisous, Claire";

    @Test
    void trainingOnATinyCorpusLearnsToSeparateScamsFromFriends() {
        ScamModel model = TinyCorpus.train();
        for (String scam : TinyCorpus.SCAMS) {
            assertThat(model.predict(TinyCorpus.HARMONISER.harmoniseText(scam)).pScam())
                    .as(scam)
                    .isGreaterThan(0.5);
        }
        for (String text : TinyCorpus.LEGITIMATE) {
            assertThat(model.predict(TinyCorpus.HARMONISER.harmoniseText(text)).pScam())
                    .as(text)
                    .isLessThan(0.5);
        }
        ModelPrediction interpol = model.predict(TinyCorpus.HARMONISER.harmoniseText(
                "INTERPOL: you are accused, a convocation awaits, pay the fine by coupon"));
        assertThat(interpol.topScheme()).isEqualTo("fake_authority");
    }

    @Test
    void trainingIsReproducibleWithTheSameSeed() {
        Harmonised text = TinyCorpus.HARMONISER.harmoniseText("pay the customs fee for your parcel");
        assertThat(TinyCorpus.train().predict(text))
                .isEqualTo(TinyCorpus.train().predict(text));
    }

    @Test
    void predictionListsEverySchemeMostProbableFirstAndPScamExcludesSpamAndLegitimate() {
        ModelPrediction p = TinyCorpus.train().predict(TinyCorpus.HARMONISER.harmoniseText(FRIEND));
        List<Double> probabilities = List.copyOf(p.schemes().values());
        assertThat(probabilities).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        double notScam = p.schemes().entrySet().stream()
                .filter(e -> !Schemes.isScam(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        assertThat(p.pScam()).isCloseTo(1 - notScam, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aModelSurvivesItsFileWithItsProvenance() throws IOException {
        ScamModel model = TinyCorpus.train();
        ScamModel again = ScamModel.read(new ByteArrayInputStream(TinyCorpus.bytes(model)));
        Harmonised text = TinyCorpus.HARMONISER.harmoniseText(FRIEND);
        assertThat(again.predict(text)).isEqualTo(model.predict(text));
        assertThat(again.provenance()).isEqualTo(model.provenance());
        assertThat(again.provenance().trainedAt()).isEqualTo("2026-01-01T00:00Z");
        assertThat(again.provenance().trainingSetSha256()).hasSize(64);
        assertThat(again.provenance().splitRule()).isEqualTo(KeyedSplit.RULE);
    }

    @Test
    void testSideMessagesAreRefusedByTraining() {
        var test = new ModelTrainer.Labelled(
                TinyCorpus.HARMONISER.harmoniseText(FRIEND), Schemes.LEGITIMATE, KeyedSplit.Side.TEST);
        assertThatThrownBy(() -> ModelTrainer.train(
                        List.of(test), TinyCorpus.options(), java.time.OffsetDateTime.parse("2026-01-01T00:00Z"), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileThatIsNotAModelIsRefused() {
        assertThatThrownBy(() -> ScamModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3})))
                .isInstanceOf(IOException.class);
    }

    @Test
    void anOldModelFileStillLoads() throws IOException {
        try (InputStream in = ScamModelTest.class.getResourceAsStream("/model/tiny-model-v1.vgm.gz")) {
            ScamModel old = ScamModel.read(in);
            assertThat(old.provenance().format()).isEqualTo(1);
            assertThat(old.predict(TinyCorpus.HARMONISER.harmoniseText(TinyCorpus.SCAMS.getFirst()))
                            .pScam())
                    .isGreaterThan(old.predict(TinyCorpus.HARMONISER.harmoniseText(FRIEND))
                            .pScam());
        }
    }

    @Test
    void theShippedModelLoadsAndScoresFakeInterpolAboveAFriend() throws IOException {
        // Load time is measured by `vigie bench`, not here.
        App app = new App(Config.defaults());
        ScamModel model = app.model();
        Harmonised interpol;
        try (InputStream in = ScamModelTest.class.getResourceAsStream("/messages/fake-interpol.eml")) {
            interpol = app.harmoniser().harmonise(in.readAllBytes());
        }
        Harmonised friend = app.harmoniser()
                .harmoniseText("Hi! Are you still up for the hike on Sunday? I'll pick you up at 9. Love, Claire");
        assertThat(model.predict(interpol).pScam())
                .isGreaterThan(model.predict(friend).pScam());
        assertThat(app.scorer().apply(interpol).scam()).isTrue();
        assertThat(model.provenance().trainingCounts()).containsKey("advance_fee");
    }

    @Test
    void plainWeightsPredictExactlyWhatTribuoPredicts() throws IOException {
        ScamModel model = ScamModel.read(new ByteArrayInputStream(TinyCorpus.bytes(TinyCorpus.train())));
        for (String text : List.of(FRIEND, TinyCorpus.SCAMS.get(0), "pay the customs fee for your parcel", "")) {
            Harmonised message = TinyCorpus.HARMONISER.harmoniseText(text.isEmpty() ? "?" : text);
            Map<String, Double> tribuo = model.tribuoProbabilities(message);
            Map<String, Double> ours = model.predict(message).schemes();
            assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(tribuo.keySet());
            tribuo.forEach((label, p) -> assertThat(ours.get(label)).as(label).isCloseTo(p, within(1e-5)));
        }
    }

    /** Writes the old-model fixture; see {@link TinyCorpus}. */
    @Test
    @EnabledIfSystemProperty(named = "vigie.writeModelFixture", matches = ".+")
    void writeModelFixture() throws IOException {
        TinyCorpus.writeFixture(Path.of(System.getProperty("vigie.writeModelFixture")));
    }
}
