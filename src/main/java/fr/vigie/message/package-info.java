/**
 * What was received, as plain records: {@link fr.vigie.message.Header}, {@link fr.vigie.message.TextPart},
 * {@link fr.vigie.message.Attachment}, {@link fr.vigie.message.Span}, {@link fr.vigie.message.Evidence} and the
 * {@link fr.vigie.message.Warning}s tolerated on the way. No logic beyond validation; no IO.
 * Invariant: a Span always points into the text of the part it names.
 */
package fr.vigie.message;
