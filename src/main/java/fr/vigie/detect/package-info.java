/**
 * Red flags: the rules of {@code fr.vigie.rules} evaluated over a harmonised message. Entry:
 * {@link fr.vigie.detect.RuleEngine}, built once from a {@link fr.vigie.rules.RuleSet}; in goes a
 * {@link fr.vigie.harmonise.Harmonised}, out come {@link fr.vigie.detect.RedFlag}s and a
 * {@link fr.vigie.detect.RuleScore}. Pure, immutable, thread-safe; never imports app or cli. Invariant: every
 * evidence span points into the original text of its part, and the victim's own identifiers never fire a rule.
 */
package fr.vigie.detect;
