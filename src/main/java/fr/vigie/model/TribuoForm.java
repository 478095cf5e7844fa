package fr.vigie.model;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.protos.core.ModelProto;

/**
 * Everything that needs Tribuo's classes at run time, kept apart so that reading and using a model never loads them
 * (hundreds of classes: most of a second on a cold JVM). Used by training, by format 1 files and by tests.
 */
final class TribuoForm {
    private TribuoForm() {}

    /** A model freshly trained by Tribuo, in Vigie's form. */
    static ScamModel scamModel(Model<Label> model, ModelFile.Provenance provenance) {
        return new ScamModel(new ModelFile.Read(
                provenance.features(),
                provenance.threshold(),
                () -> provenance,
                weights(model),
                model.serialize().toByteArray()));
    }

    /** Exports the weights of a trained Tribuo linear SGD classification model. */
    static LinearWeights weights(Model<Label> model) {
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

    /** Rebuilds the Tribuo model from its protobuf bytes (slow). */
    static Model<Label> model(byte[] proto) throws IOException {
        Model<?> model = Model.deserialize(ModelProto.parseFrom(proto));
        if (!model.validate(Label.class)) {
            throw new fr.vigie.InvalidDataFileException("model", "is not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> labels = (Model<Label>) model;
        return labels;
    }

    /** What Tribuo itself predicts for a feature vector, to check that {@link LinearWeights} computes the same. */
    static Map<String, Double> probabilities(Model<Label> model, Features.Vector vector) {
        Prediction<Label> prediction =
                model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, vector.names(), vector.values()));
        Map<String, Double> out = new LinkedHashMap<>();
        prediction.getOutputScores().forEach((name, label) -> out.put(name, label.getScore()));
        return out;
    }
}
