package fr.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleScoreTest {
    @Test
    void schemePointsKeepTheRuleEnginesOrderSoTheirSumIsTheSameInEveryRun() {
        Map<String, Double> points = new LinkedHashMap<>();
        for (String scheme : new String[] {"sextortion", "romance", "phishing", "advance_fee", "lottery", "delivery"}) {
            points.put(scheme, 0.1 * (points.size() + 1));
        }

        RuleScore score = new RuleScore(2.1, points);

        assertThat(score.byScheme().keySet())
                .containsExactly("sextortion", "romance", "phishing", "advance_fee", "lottery", "delivery");
    }
}
