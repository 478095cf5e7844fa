package fr.vigie.detect;

import java.util.Map;

/**
 * The rules' score for one message: the sum of red-flag weights with each group capped at its {@code max_score},
 * and the same per scheme (flags of scheme {@code any} count in the total only).
 */
public record RuleScore(double total, Map<String, Double> byScheme) {
    public RuleScore {
        byScheme = Map.copyOf(byScheme);
    }
}
