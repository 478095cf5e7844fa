/**
 * Vigie's data files as records: warning lists ({@link fr.vigie.rules.DataFiles}) and red-flag rules, groups and
 * composites ({@link fr.vigie.rules.RuleFiles} → {@link fr.vigie.rules.RuleSet}), parsed from text handed in and
 * validated. Pure: it never opens a file and holds no matching logic (that is {@code fr.vigie.detect}).
 * Invariant: a record from this package has passed validation; an invalid file never half-loads.
 */
package fr.vigie.rules;
