package fr.vigie.model;

import fr.vigie.rules.Schemes;
import java.util.Map;

/**
 * What the model says of one message: {@code pScam} = 1 − P(legitimate) − P(spam), and the probability of every
 * scheme, most probable first (an insertion-ordered, unmodifiable map).
 */
public record ModelPrediction(double pScam, Map<String, Double> schemes) {
    public ModelPrediction {
        schemes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(schemes));
    }

    /** The most probable scheme. */
    public String topScheme() {
        return schemes.keySet().iterator().next();
    }

    /** The most probable scheme among the scams ({@code scam} true) or among spam and legitimate. */
    public String topScheme(boolean scam) {
        return schemes.keySet().stream()
                .filter(s -> Schemes.isScam(s) == scam)
                .findFirst()
                .orElse(scam ? "phishing" : Schemes.LEGITIMATE);
    }
}
