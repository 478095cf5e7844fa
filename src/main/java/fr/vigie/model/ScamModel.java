package fr.vigie.model;

import fr.vigie.harmonise.Harmonised;
import fr.vigie.rules.Schemes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The trained statistical model: P(scam) and a probability per scheme for a harmonised message. Immutable and
 * thread-safe (Tribuo models are). Read one with {@link #read}; train one with {@link ModelTrainer}.
 */
public final class ScamModel {
    private final LinearWeights weights;
    private final byte[] tribuoProto;
    private final Supplier<ModelFile.Provenance> provenance;
    private final Features features;
    private final double threshold;

    ScamModel(ModelFile.Read read) {
        this.weights = read.weights();
        this.tribuoProto = read.tribuoProto();
        this.provenance = read.provenance();
        this.features = read.features();
        this.threshold = read.threshold();
    }

    /** Reads a model file (see {@link ModelFile}). */
    public static ScamModel read(InputStream in) throws IOException {
        return new ScamModel(ModelFile.read(in));
    }

    public void write(OutputStream out) throws IOException {
        ModelFile.write(provenance.get(), weights, tribuoProto, out);
    }

    /** Where the model comes from; decoded from the file on first call. */
    public ModelFile.Provenance provenance() {
        return provenance.get();
    }

    /** P(scam) at or above which {@link #judge} calls a message a scam. */
    public double threshold() {
        return threshold;
    }

    public ModelPrediction predict(Harmonised message) {
        Features.Vector vector = features.extract(message);
        List<Map.Entry<String, Double>> scores =
                new ArrayList<>(weights.probabilities(vector.names(), vector.values(), vector.buckets())
                        .entrySet());
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
    org.tribuo.Model<org.tribuo.classification.Label> tribuo() throws IOException {
        return TribuoForm.model(tribuoProto);
    }

    /** What Tribuo itself predicts for a message, to check that {@link LinearWeights} computes the same. */
    Map<String, Double> tribuoProbabilities(Harmonised message) throws IOException {
        return TribuoForm.probabilities(tribuo(), features.extract(message));
    }
}
