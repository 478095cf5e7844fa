/**
 * Text as rules and models read it: {@link fr.vigie.text.NormalisedText} folds look-alike characters (UTS #39
 * skeletons), accents, case, invisible characters and spacing, and maps every position back to the original.
 * Pure. Invariant: a range of the normalised text always maps to a range of the original that produced it.
 */
package fr.vigie.text;
