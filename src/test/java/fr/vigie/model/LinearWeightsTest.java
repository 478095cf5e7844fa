package fr.vigie.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prediction reads the weights through a bucket index and a per-feature layout: the sums must not change. */
class LinearWeightsTest {
    private static final String[] LABELS = {"legitimate", "phishing", "spam"};
    private static final String[] FEATURES = {"id:url", "s:html", "w0", "w10", "w07", "w3", "w12345", "wx"};

    @Test
    void probabilitiesAreExactlyThoseOfTheRowPerLabelSum() {
        float[][] weights = new float[LABELS.length][FEATURES.length + 1];
        for (int l = 0; l < LABELS.length; l++) {
            for (int f = 0; f <= FEATURES.length; f++) {
                weights[l][f] = (float) Math.sin(l * 31 + f * 7 + 0.5);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int f = 0; f < FEATURES.length; f++) {
            index.put(FEATURES[f], f);
        }
        LinearWeights model = new LinearWeights(LABELS, Map.copyOf(index), weights);
        String[][] vectors = {
            {"id:url", "s:html", "w0", "w10", "w3"},
            {"w07", "w12345", "wx", "w7", "w99999", "s:links"},
            {},
            {"w3", "w0", "id:url"}
        };
        for (String[] names : vectors) {
            double[] values = new double[names.length];
            for (int i = 0; i < names.length; i++) {
                values[i] = 0.1 + i / 3.0;
            }
            assertThat(model.probabilities(names, values)).isEqualTo(reference(index, weights, names, values));
        }
    }

    @Test
    void onlyPlainWordNamesHaveABucket() {
        assertThat(LinearWeights.wordBucket("w0")).isZero();
        assertThat(LinearWeights.wordBucket("w16383")).isEqualTo(16383);
        assertThat(LinearWeights.wordBucket("w07")).isEqualTo(-1);
        assertThat(LinearWeights.wordBucket("w")).isEqualTo(-1);
        assertThat(LinearWeights.wordBucket("wx")).isEqualTo(-1);
        assertThat(LinearWeights.wordBucket("s:html")).isEqualTo(-1);
    }

    /** The sum as first written: a name map and one weight row per label. */
    private static Map<String, Double> reference(
            Map<String, Integer> index, float[][] weights, String[] names, double[] values) {
        double[] scores = new double[LABELS.length];
        int bias = weights[0].length - 1;
        for (int l = 0; l < LABELS.length; l++) {
            scores[l] = weights[l][bias];
        }
        for (int i = 0; i < names.length; i++) {
            Integer f = index.get(names[i]);
            if (f != null) {
                for (int l = 0; l < LABELS.length; l++) {
                    scores[l] += weights[l][f] * values[i];
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int l = 0; l < scores.length; l++) {
            scores[l] = Math.exp(scores[l] - max);
            sum += scores[l];
        }
        Map<String, Double> out = new HashMap<>();
        for (int l = 0; l < LABELS.length; l++) {
            out.put(LABELS[l], scores[l] / sum);
        }
        return out;
    }
}
