/**
 * Detection: red flags from the rules of {@code fr.vigie.rules}, and one verdict. Entries:
 * {@link fr.vigie.detect.RuleEngine}, built once from a {@link fr.vigie.rules.RuleSet} (a
 * {@link fr.vigie.harmonise.Harmonised} in, {@link fr.vigie.detect.RedFlag}s and a {@link fr.vigie.detect.RuleScore}
 * out), and {@link fr.vigie.detect.Detector}, which adds the model and the advice. Pure, immutable, thread-safe;
 * never imports app or cli. Invariant: every evidence span points into the original text of its part, and the
 * victim's own identifiers never fire a rule.
 */
package fr.vigie.detect;
