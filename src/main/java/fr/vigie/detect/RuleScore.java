package fr.vigie.detect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules' score for one message: the sum of red-flag weights with each group capped at its {@code max_score},
 * and the same per scheme (flags of scheme {@code any} count in the total only).
 */
public record RuleScore(double total, Map<String, Double> byScheme) {
    public RuleScore {
        // In the order the rule engine wrote: the detector sums these points in iteration order, and Map.copyOf's
        // order changes from one JVM to the next, which moved a scheme's confidence in its last bit between runs.
        byScheme = Collections.unmodifiableMap(new LinkedHashMap<>(byScheme));
    }
}
