package fr.vigie.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

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

    private LinearWeights(String[] labels, Map<String, Integer> featureIndex, float[][] weights) {
        this.labels = labels;
        this.featureIndex = featureIndex;
        this.weights = weights;
    }

    /** Exports the weights of a trained Tribuo linear SGD classification model. */
    static LinearWeights of(Model<Label> model) {
        if (!(model instanceof AbstractLinearSGDModel<?> linear)) {
            throw new IllegalArgumentException(
                    "not a linear SGD model: " + model.getClass().getSimpleName());
        }
        DenseMatrix matrix = linear.getWeightsCopy();
        int featureCount = model.getFeatureIDMap().size();
        String[] labels = new String[model.getOutputIDInfo().size()];
        model.getOutputIDInfo()
                .forEach(pair -> labels[pair.getA()] = pair.getB().getLabel());
        Map<String, Integer> index = new HashMap<>(featureCount * 2);
        for (int id = 0; id < featureCount; id++) {
            index.put(model.getFeatureIDMap().get(id).getName(), id);
        }
        float[][] weights = new float[labels.length][featureCount + 1];
        for (int l = 0; l < labels.length; l++) {
            for (int f = 0; f <= featureCount; f++) {
                weights[l][f] = (float) matrix.get(l, f);
            }
        }
        return new LinearWeights(labels, Map.copyOf(index), weights);
    }

    /** Label → probability, in label order. */
    Map<String, Double> probabilities(String[] names, double[] values) {
        double[] scores = new double[labels.length];
        int bias = weights[0].length - 1;
        for (int l = 0; l < labels.length; l++) {
            scores[l] = weights[l][bias];
        }
        for (int i = 0; i < names.length; i++) {
            Integer f = featureIndex.get(names[i]);
            if (f != null) {
                for (int l = 0; l < labels.length; l++) {
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
