package fr.vigie.detect;

import fr.vigie.harmonise.Harmonised;
import fr.vigie.model.Judgement;
import fr.vigie.model.ModelPrediction;
import fr.vigie.model.ScamModel;
import fr.vigie.rules.Schemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Detection, the "A" of HARO: red-flag rules and the statistical model over a harmonised message, combined into
 * one verdict with its reasons and advice. The stages, in order: rules → rule score → model → combined score →
 * verdict → schemes → advice. Immutable and thread-safe.
 *
 * <p>The combination adds evidence in log-odds: the model's P(scam) is the prior, each rule point multiplies the
 * odds by {@code e^RULE_LOG_ODDS}: {@code p = σ(logit(pModel) + RULE_LOG_ODDS · ruleScore)}. So a model that is sure a
 * message is an ordinary newsletter needs several independent red flags to be overruled, and a scam worded unlike
 * anything the model has seen is still caught by its red flags. The constants were chosen on the train side of the
 * keyed split only (docs/DETECTION.md), never on the evaluation side.
 */
public final class Detector {
    /** Log-odds added per rule point (group caps bound the points, see RuleEngine.score). */
    static final double RULE_LOG_ODDS = 0.4;
    /** Rule points at which the rules' scheme votes weigh half their most against the model's. */
    static final double RULE_SCALE = 6.0;
    /** The model's probability is kept inside [ε, 1 − ε] so that rules can always move it. */
    static final double EPSILON = 0.001;
    /** Combined probability from which a message is called a scam. */
    static final double SCAM_AT = 0.85;
    /** Combined probability from which a message is called suspicious. */
    static final double SUSPICIOUS_AT = 0.6;
    /** The most the rules' scheme votes count against the model's distribution when ranking schemes. */
    static final double RULE_SCHEME_SHARE = 0.8;

    /** Confidence from which a scheme's own advice is given (the first scheme's always is). */
    static final double ADVICE_FROM = 0.25;

    private final RuleEngine rules;
    private final ScamModel model;
    private final AdviceBook advice;

    public Detector(RuleEngine rules, ScamModel model, AdviceBook advice) {
        this.rules = rules;
        this.model = model;
        this.advice = advice;
    }

    public ScamModel model() {
        return model;
    }

    /**
     * The detector's answer as evaluation compares it with a label: flagged (scam or suspicious: the person is
     * warned either way) or not, and the primary scheme — or, when nothing was found, spam or legitimate as the
     * model sees it.
     */
    public Judgement judge(Harmonised message) {
        Analysis analysis = analyse(message);
        boolean flagged = analysis.verdict() != Verdict.NO_RED_FLAGS;
        return new Judgement(
                flagged ? analysis.primaryScheme() : analysis.model().topScheme(false), flagged);
    }

    /** The combined probability of a scam for a model probability and a rule score (see the class comment). */
    public static double combine(double pModel, double ruleScore, double ruleLogOdds) {
        double prior = Math.min(1 - EPSILON, Math.max(EPSILON, pModel));
        return 1 / (1 + Math.exp(-(Math.log(prior / (1 - prior)) + ruleLogOdds * ruleScore)));
    }

    /** Analyses a message for an adult reader whose country is unknown (no national service in the advice). */
    public Analysis analyse(Harmonised message) {
        return analyse(message, false, null);
    }

    /**
     * Analyses a message for its reader: {@code minor} puts the child-protection steps first in the advice;
     * {@code country} (ISO code, or null when unknown) chooses the steps that name a national service.
     */
    public Analysis analyse(Harmonised message, boolean minor, String country) {
        List<RedFlag> flags = rules.evaluate(message);
        RuleScore ruleScore = rules.score(flags);
        ModelPrediction prediction = model.predict(message);
        double combined = combine(prediction.pScam(), ruleScore.total(), RULE_LOG_ODDS);
        Verdict verdict = combined >= SCAM_AT
                ? Verdict.SCAM
                : combined >= SUSPICIOUS_AT ? Verdict.SUSPICIOUS : Verdict.NO_RED_FLAGS;
        List<Analysis.SchemeConfidence> schemes =
                verdict == Verdict.NO_RED_FLAGS ? List.of() : rankSchemes(prediction, ruleScore);
        List<String> ranked =
                schemes.stream().map(Analysis.SchemeConfidence::type).toList();
        return new Analysis(
                verdict,
                (int) Math.round(combined * 100),
                schemes,
                flags,
                ruleScore,
                prediction,
                advice.adviceFor(verdict, ranked, minor, country));
    }

    /**
     * The scam schemes ranked: the model's distribution among scam schemes, blended with the share of rule points
     * each scheme received. Schemes under 10 % are left out; at most three are given.
     */
    static List<Analysis.SchemeConfidence> rankSchemes(ModelPrediction prediction, RuleScore ruleScore) {
        Map<String, Double> modelShare = new HashMap<>();
        double scamMass = 0;
        for (Map.Entry<String, Double> e : prediction.schemes().entrySet()) {
            if (Schemes.SCAMS.contains(e.getKey())) {
                modelShare.put(e.getKey(), e.getValue());
                scamMass += e.getValue();
            }
        }
        double rulePoints = ruleScore.byScheme().entrySet().stream()
                .filter(e -> Schemes.SCAMS.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        // Many rule points on a scheme are strong evidence of it; a single weak phrase should not outvote the model.
        double ruleWeight = RULE_SCHEME_SHARE * rulePoints / (rulePoints + RULE_SCALE);
        Map<String, Double> blended = new HashMap<>();
        for (String scheme : Schemes.SCAMS) {
            double fromModel = scamMass > 0 ? modelShare.getOrDefault(scheme, 0.0) / scamMass : 0;
            double fromRules = rulePoints > 0 ? ruleScore.byScheme().getOrDefault(scheme, 0.0) / rulePoints : 0;
            blended.put(scheme, (1 - ruleWeight) * fromModel + ruleWeight * fromRules);
        }
        List<Analysis.SchemeConfidence> ranked = new ArrayList<>();
        blended.entrySet().stream()
                .filter(e -> e.getValue() >= 0.10)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .forEach(e -> ranked.add(new Analysis.SchemeConfidence(e.getKey(), round(e.getValue()))));
        if (ranked.isEmpty()) { // every scheme under 10 %: give the likeliest all the same
            String top = prediction.topScheme(true);
            ranked.add(new Analysis.SchemeConfidence(top, round(blended.getOrDefault(top, 0.0))));
        }
        return ranked;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
