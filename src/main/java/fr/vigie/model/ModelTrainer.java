package fr.vigie.model;

import fr.vigie.harmonise.Harmonised;
import fr.vigie.message.Evidence;
import fr.vigie.rules.Schemes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a {@link ScamModel}: Tribuo's linear SGD logistic regression (multinomial, AdaGrad) over the 14 schemes,
 * seeded, so the same data and options give the same weights. Messages on the test side are refused. The threshold
 * is chosen on the validation slice of the train side by a first model trained without it: the lowest P(scam)
 * whose false-positive rate on the slice's legitimate messages stays within {@link Options#targetFpr}. The final
 * model is then trained on the whole train side. Stateless; one call at a time uses one core.
 */
public final class ModelTrainer {
    /** Tribuo's default seed. */
    public static final long DEFAULT_SEED = 12345L;

    private static final LabelFactory LABELS = new LabelFactory();

    /**
     * @param classWeightCap a scheme with n messages weighs min(cap, sqrt(largest n / n)) per message
     * @param targetFpr the false-positive rate on legitimate validation messages the threshold must keep
     */
    public record Options(
            long seed,
            int epochs,
            double learningRate,
            int minibatch,
            double classWeightCap,
            double targetFpr,
            boolean holdOutValidation,
            Features features) {
        public static Options defaults() {
            return new Options(DEFAULT_SEED, 5, 0.1, 1, 3.0, 0.005, false, Features.DEFAULT);
        }

        public Options withSeed(long newSeed) {
            return new Options(
                    newSeed, epochs, learningRate, minibatch, classWeightCap, targetFpr, holdOutValidation, features);
        }

        /** Keep the validation slice out of the final model too (to study the model on it). */
        public Options with(int newEpochs, double newLearningRate, double newClassWeightCap) {
            return new Options(
                    seed,
                    newEpochs,
                    newLearningRate,
                    minibatch,
                    newClassWeightCap,
                    targetFpr,
                    holdOutValidation,
                    features);
        }

        public Options holdingOutValidation() {
            return new Options(seed, epochs, learningRate, minibatch, classWeightCap, targetFpr, true, features);
        }

        SortedMap<String, String> describe() {
            SortedMap<String, String> map = new TreeMap<>();
            map.put("objective", "LogMulticlass");
            map.put("optimiser", "AdaGrad(learningRate=" + learningRate + ", epsilon=0.1)");
            map.put("epochs", Integer.toString(epochs));
            map.put("minibatch", Integer.toString(minibatch));
            map.put("classWeight", "min(" + classWeightCap + ", sqrt(maxCount/count))");
            map.put("targetFpr", Double.toString(targetFpr));
            map.put("validationInFinalModel", Boolean.toString(!holdOutValidation));
            return map;
        }
    }

    /** A training message and its scheme. */
    public record Labelled(Harmonised message, String scheme, KeyedSplit.Side side) {}

    /** The trained model and how the threshold was chosen. */
    public record Result(ScamModel model, Map<String, Double> validation) {}

    private ModelTrainer() {}

    /**
     * @param trainedAt recorded in the provenance (the caller's clock)
     * @param gitSha recorded in the provenance, "" when unknown
     * @throws IllegalArgumentException when a message is on the test side or has an unknown scheme
     */
    public static Result train(List<Labelled> messages, Options options, OffsetDateTime trainedAt, String gitSha) {
        List<Example<Label>> fit = new ArrayList<>();
        List<Example<Label>> all = new ArrayList<>();
        List<Example<Label>> validation = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Labelled m : messages) {
            if (m.side() == KeyedSplit.Side.TEST) {
                throw new IllegalArgumentException("a test-side message was handed to training");
            }
            if (!Schemes.isKnown(m.scheme())) {
                throw new IllegalArgumentException("unknown scheme " + m.scheme());
            }
            counts.merge(m.scheme(), 1, Integer::sum);
        }
        Map<String, Float> weights = classWeights(counts, options.classWeightCap());
        for (Labelled m : messages) {
            Features.Vector v = options.features().extract(m.message());
            ArrayExample<Label> example = new ArrayExample<>(new Label(m.scheme()), v.names(), v.values());
            example.setWeight(weights.get(m.scheme()));
            all.add(example);
            (m.side() == KeyedSplit.Side.VALIDATION ? validation : fit).add(example);
        }
        Map<String, Double> figures = new TreeMap<>();
        double threshold = 0.5;
        Model<Label> first = null;
        if (!validation.isEmpty() && !fit.isEmpty()) {
            first = fit(fit, options, trainedAt);
            ScamModel probe =
                    TribuoForm.scamModel(first, provenance(options, trainedAt, gitSha, counts, "", 0.5, figures));
            threshold = chooseThreshold(probe, messages, options.targetFpr(), figures);
        }
        Model<Label> model = options.holdOutValidation() && first != null ? first : fit(all, options, trainedAt);
        ModelFile.Provenance provenance =
                provenance(options, trainedAt, gitSha, counts, hash(messages), threshold, figures);
        return new Result(TribuoForm.scamModel(model, provenance), figures);
    }

    private static Model<Label> fit(List<Example<Label>> examples, Options options, OffsetDateTime time) {
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("vigie labelled corpus, train side", time, LABELS), LABELS);
        dataset.addAll(examples);
        LinearSGDTrainer trainer = new LinearSGDTrainer(
                new LogMulticlass(),
                new AdaGrad(options.learningRate(), 0.1),
                options.epochs(),
                Integer.MAX_VALUE,
                options.minibatch(),
                options.seed());
        return trainer.train(dataset);
    }

    static Map<String, Float> classWeights(Map<String, Integer> counts, double cap) {
        int largest = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        Map<String, Float> weights = new HashMap<>();
        counts.forEach((scheme, n) -> weights.put(scheme, (float) Math.min(cap, Math.sqrt((double) largest / n))));
        return weights;
    }

    /** The lowest threshold (grid of 0.01) whose FPR on the validation slice's legitimate messages is at most target. */
    private static double chooseThreshold(
            ScamModel probe, List<Labelled> messages, double targetFpr, Map<String, Double> figures) {
        List<Double> legitimate = new ArrayList<>();
        List<Double> scams = new ArrayList<>();
        for (Labelled m : messages) {
            if (m.side() == KeyedSplit.Side.VALIDATION) {
                double p = probe.predict(m.message()).pScam();
                if (m.scheme().equals(Schemes.LEGITIMATE)) {
                    legitimate.add(p);
                } else if (Schemes.isScam(m.scheme())) {
                    scams.add(p);
                }
            }
        }
        double chosen = 0.99;
        for (int step = 5; step <= 99; step++) {
            double t = step / 100.0;
            if (rate(legitimate, t) <= targetFpr) {
                chosen = t;
                break;
            }
        }
        for (double t : new double[] {0.5, 0.7, 0.9}) {
            figures.put(String.format(java.util.Locale.ROOT, "validationFprAt%.1f", t), rate(legitimate, t));
            figures.put(String.format(java.util.Locale.ROOT, "validationScamRecallAt%.1f", t), rate(scams, t));
        }
        figures.put("validationLegitimate", (double) legitimate.size());
        figures.put("validationScams", (double) scams.size());
        figures.put("validationFpr", rate(legitimate, chosen));
        figures.put("validationScamRecall", rate(scams, chosen));
        return chosen;
    }

    private static double rate(List<Double> scores, double threshold) {
        return scores.isEmpty()
                ? 0
                : scores.stream().filter(p -> p >= threshold).count() / (double) scores.size();
    }

    private static ModelFile.Provenance provenance(
            Options options,
            OffsetDateTime trainedAt,
            String gitSha,
            Map<String, Integer> counts,
            String dataHash,
            double threshold,
            Map<String, Double> figures) {
        return new ModelFile.Provenance(
                ModelFile.FORMAT,
                trainedAt.toString(),
                gitSha == null ? "" : gitSha,
                dataHash,
                new TreeMap<>(counts),
                KeyedSplit.RULE,
                options.seed(),
                options.features().version(),
                options.features().buckets(),
                Features.GROUPS,
                options.describe(),
                threshold,
                "lowest P(scam) on a 0.01 grid with FPR <= " + options.targetFpr()
                        + " on the legitimate messages of the validation slice, model trained without the slice",
                new TreeMap<>(figures),
                "Tribuo " + Tribuo.VERSION + " LinearSGDTrainer");
    }

    /** SHA-256 over the sorted lines "evidence-sha256 scheme" of the training set. */
    static String hash(List<Labelled> messages) {
        List<String> lines = new ArrayList<>();
        for (Labelled m : messages) {
            lines.add(m.message().evidence().sha256() + " " + m.scheme() + "\n");
        }
        lines.sort(null);
        MessageDigest digest = Evidence.digest();
        lines.forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }
}
