package fr.vigie.model;

import fr.vigie.harmonise.Harmonised;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * The trained statistical model: P(scam) and a probability per scheme for a harmonised message. Immutable and
 * thread-safe (Tribuo models are). Read one with {@link #read}; train one with {@link ModelTrainer}.
 */
public final class ScamModel {
    private final LinearWeights weights;
    private final byte[] tribuoProto;
    private final ModelFile.Provenance provenance;
    private final Features features;

    private ScamModel(LinearWeights weights, byte[] tribuoProto, ModelFile.Provenance provenance) {
        this.weights = weights;
        this.tribuoProto = tribuoProto;
        this.provenance = provenance;
        this.features = provenance.features();
    }

    /** A model freshly trained by Tribuo. */
    ScamModel(Model<Label> model, ModelFile.Provenance provenance) {
        this(LinearWeights.of(model), model.serialize().toByteArray(), provenance);
    }

    /** Reads a model file (see {@link ModelFile}). */
    public static ScamModel read(InputStream in) throws IOException {
        ModelFile.Read read = ModelFile.read(in);
        return new ScamModel(read.weights(), read.tribuoProto(), read.provenance());
    }

    public void write(OutputStream out) throws IOException {
        ModelFile.write(provenance, weights, tribuoProto, out);
    }

    public ModelFile.Provenance provenance() {
        return provenance;
    }

    /** P(scam) at or above which {@link #judge} calls a message a scam. */
    public double threshold() {
        return provenance.threshold();
    }

    public ModelPrediction predict(Harmonised message) {
        Features.Vector vector = features.extract(message);
        List<Map.Entry<String, Double>> scores = new ArrayList<>(
                weights.probabilities(vector.names(), vector.values()).entrySet());
        scores.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> schemes = new LinkedHashMap<>();
        double notScam = 0;
        for (Map.Entry<String, Double> score : scores) {
            schemes.put(score.getKey(), score.getValue());
            if (!Schemes.isScam(score.getKey())) {
                notScam += score.getValue();
            }
        }
        return new ModelPrediction(Math.clamp(1 - notScam, 0.0, 1.0), schemes);
    }

    /**
     * The model alone as a scorer: scam when P(scam) reaches the threshold; the scheme is then the most probable
     * scam scheme, otherwise the more probable of spam and legitimate.
     */
    public Judgement judge(Harmonised message) {
        ModelPrediction prediction = predict(message);
        boolean scam = prediction.pScam() >= threshold();
        return new Judgement(prediction.topScheme(scam), scam);
    }

    /** The model's Tribuo form, rebuilt from its protobuf (slow), for inspection and tests. */
    Model<Label> tribuo() throws IOException {
        return ModelFile.tribuo(tribuoProto);
    }

    /** What Tribuo itself predicts for a message, to check that {@link LinearWeights} computes the same. */
    Map<String, Double> tribuoProbabilities(Harmonised message) throws IOException {
        Features.Vector vector = features.extract(message);
        Prediction<Label> prediction =
                tribuo().predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, vector.names(), vector.values()));
        Map<String, Double> out = new LinkedHashMap<>();
        prediction.getOutputScores().forEach((name, label) -> out.put(name, label.getScore()));
        return out;
    }
}
