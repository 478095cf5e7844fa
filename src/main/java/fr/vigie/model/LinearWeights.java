package fr.vigie.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The trained linear model as plain arrays: one weight row per label over the feature names, the bias last, and
 * a softmax over the scores — exactly what Tribuo's linear SGD model with a log-multiclass objective computes
 * (a test compares the two). Reading these arrays takes milliseconds where rebuilding Tribuo's model from its
 * protobuf takes most of a second, so prediction uses this form. Immutable and thread-safe.
 */
final class LinearWeights {
    private final String[] labels;
    private final Map<String, Integer> featureIndex;
    private final float[][] weights; // [label][feature], the bias in the last column
    // For prediction: a word feature's index straight from its bucket (no hashing of a name), and the weights of
    // one feature side by side (one memory line for all labels, where a row per label costs one each).
    private final int[] wordFeature; // by bucket of "w<bucket>": the feature index, or -1
    private final float[] byFeature; // [feature * labels + label]

    LinearWeights(String[] labels, Map<String, Integer> featureIndex, float[][] weights) {
        this.labels = labels;
        this.featureIndex = featureIndex;
        this.weights = weights;
        int maxBucket = featureIndex.keySet().stream()
                .mapToInt(LinearWeights::wordBucket)
                .max()
                .orElse(-1);
        this.wordFeature = new int[maxBucket + 1];
        Arrays.fill(wordFeature, -1);
        featureIndex.forEach((name, f) -> {
            int bucket = wordBucket(name);
            if (bucket >= 0) {
                wordFeature[bucket] = f;
            }
        });
        int features = weights[0].length - 1;
        this.byFeature = new float[features * labels.length];
        for (int l = 0; l < labels.length; l++) {
            for (int f = 0; f < features; f++) {
                byFeature[f * labels.length + l] = weights[l][f];
            }
        }
    }

    /** The bucket of a word feature's name ({@code w123}: 123), or -1 for any other name. */
    static int wordBucket(String name) {
        int length = name.length();
        if (length < 2 || length > 8 || name.charAt(0) != 'w' || (name.charAt(1) == '0' && length > 2)) {
            return -1;
        }
        int bucket = 0;
        for (int i = 1; i < length; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            bucket = bucket * 10 + (c - '0');
        }
        return bucket;
    }

    /** The index of a feature, or -1 when the model has no such feature. */
    private int indexOf(String name) {
        int bucket = wordBucket(name);
        if (bucket >= 0) {
            return bucket < wordFeature.length ? wordFeature[bucket] : -1;
        }
        Integer f = featureIndex.get(name);
        return f == null ? -1 : f;
    }

    /** Label → probability, in label order. */
    Map<String, Double> probabilities(String[] names, double[] values) {
        int[] buckets = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            buckets[i] = wordBucket(names[i]);
        }
        return probabilities(names, values, buckets);
    }

    /**
     * The same with each word feature's bucket given ({@link Features.Vector#buckets()}, -1 for a named feature):
     * reading thousands of names back into buckets cost more than the rest of the prediction.
     */
    Map<String, Double> probabilities(String[] names, double[] values, int[] buckets) {
        double[] scores = new double[labels.length];
        int bias = weights[0].length - 1;
        for (int l = 0; l < labels.length; l++) {
            scores[l] = weights[l][bias];
        }
        for (int i = 0; i < names.length; i++) {
            int bucket = buckets[i];
            int f = bucket < 0 ? indexOf(names[i]) : bucket < wordFeature.length ? wordFeature[bucket] : -1;
            if (f >= 0) {
                int row = f * labels.length;
                for (int l = 0; l < labels.length; l++) {
                    scores[l] += byFeature[row + l] * values[i];
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
        for (int l = 0; l < labels.length; l++) {
            out.put(labels[l], scores[l] / sum);
        }
        return out;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(labels.length);
        for (String label : labels) {
            out.writeUTF(label);
        }
        String[] names = new String[featureIndex.size()];
        featureIndex.forEach((name, id) -> names[id] = name);
        out.writeInt(names.length);
        for (String name : names) {
            out.writeUTF(name);
        }
        for (float[] row : weights) {
            for (float w : row) {
                out.writeFloat(w);
            }
        }
    }

    static LinearWeights read(DataInputStream in) throws IOException {
        String[] labels = new String[in.readInt()];
        for (int l = 0; l < labels.length; l++) {
            labels[l] = in.readUTF();
        }
        int featureCount = in.readInt();
        Map<String, Integer> index = new HashMap<>(featureCount * 2);
        for (int f = 0; f < featureCount; f++) {
            index.put(in.readUTF(), f);
        }
        float[][] weights = new float[labels.length][featureCount + 1];
        for (float[] row : weights) {
            for (int f = 0; f < row.length; f++) {
                row[f] = in.readFloat();
            }
        }
        return new LinearWeights(labels, Map.copyOf(index), weights);
    }
}
