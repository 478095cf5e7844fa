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
    private final Model<Label> model;
    private final ModelFile.Provenance provenance;
    private final Features features;

    ScamModel(Model<Label> model, ModelFile.Provenance provenance) {
        this.model = model;
        this.provenance = provenance;
        this.features = provenance.features();
    }

    /** Reads a model file (see {@link ModelFile}). */
    public static ScamModel read(InputStream in) throws IOException {
        ModelFile.Read read = ModelFile.read(in);
        return new ScamModel(read.model(), read.provenance());
    }

    public void write(OutputStream out) throws IOException {
        ModelFile.write(provenance, model, out);
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
        Prediction<Label> prediction =
                model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, vector.names(), vector.values()));
        List<Map.Entry<String, Double>> scores = new ArrayList<>();
        prediction.getOutputScores().forEach((name, label) -> scores.add(Map.entry(name, label.getScore())));
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

    /** The model's Tribuo form, for inspection (feature weights, Tribuo provenance). */
    Model<Label> tribuo() {
        return model;
    }
}
