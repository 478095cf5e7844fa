/**
 * Vigie: harmonise, analyse, cross-reference and orient reports of online scams. This root package holds only the
 * error hierarchy ({@link fr.vigie.VigieException}); features live in sub-packages, see ARCHITECTURE.md.
 */
package fr.vigie;
