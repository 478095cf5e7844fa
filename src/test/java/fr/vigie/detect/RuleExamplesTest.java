package fr.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.rules.Rule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule's own examples, written in its file: each {@code fires} text must fire the rule, each {@code quiet}
 * text must not. The texts go through the whole harmoniser, as a pasted SMS would.
 */
class RuleExamplesTest {

    static Stream<Arguments> fires() {
        return examples(true);
    }

    static Stream<Arguments> quiet() {
        return examples(false);
    }

    private static Stream<Arguments> examples(boolean fires) {
        return Engines.ENGINE.ruleSet().rules().stream()
                .filter(rule -> !rule.deprecated())
                .flatMap(rule -> {
                    List<String> texts =
                            fires ? rule.examples().fires() : rule.examples().quiet();
                    return texts.stream().map(text -> Arguments.of(Named.of(rule.id() + ": " + text, rule), text));
                });
    }

    @ParameterizedTest
    @MethodSource("fires")
    void firingExampleFiresItsRule(Rule rule, String text) {
        assertThat(firedIds(text)).contains(rule.id());
    }

    @ParameterizedTest
    @MethodSource("quiet")
    void quietExampleLeavesItsRuleQuiet(Rule rule, String text) {
        assertThat(firedIds(text)).doesNotContain(rule.id());
    }

    private static List<String> firedIds(String text) {
        return Engines.ENGINE.evaluate(Engines.HARMONISER.harmoniseText(text)).stream()
                .map(RedFlag::ruleId)
                .toList();
    }
}
