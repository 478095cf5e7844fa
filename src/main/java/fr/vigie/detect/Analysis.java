package fr.vigie.detect;

import fr.vigie.model.ModelPrediction;
import java.util.List;

/**
 * Everything detection says about one message: the verdict and its score (0–100), the schemes ranked with their
 * confidence, the red flags pointed at in the message's own text, the rules' and the model's raw figures, and
 * what to do now.
 */
public record Analysis(
        Verdict verdict,
        int score,
        List<SchemeConfidence> scamTypes,
        List<RedFlag> redFlags,
        RuleScore ruleScore,
        ModelPrediction model,
        List<Advice> advice) {

    public Analysis {
        scamTypes = List.copyOf(scamTypes);
        redFlags = List.copyOf(redFlags);
        advice = List.copyOf(advice);
    }

    /** A scheme and how confident Vigie is that the message belongs to it (0–1). */
    public record SchemeConfidence(String type, double confidence) {}

    /** The primary scheme when the verdict is not {@link Verdict#NO_RED_FLAGS}. */
    public String primaryScheme() {
        return scamTypes.isEmpty() ? null : scamTypes.get(0).type();
    }
}
