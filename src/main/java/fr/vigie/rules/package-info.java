/**
 * Vigie's data files as records: warning lists now, rules, routing tables and advice texts as they come. Entry:
 * {@link fr.vigie.rules.DataFiles}, which parses text handed in and validates it. Pure: it never opens a file.
 * Invariant: a record from this package has passed validation; an invalid file never half-loads.
 */
package fr.vigie.rules;
