/**
 * How an answer looks: {@link fr.vigie.render.CheckJson} (the JSON of {@code check} and the API) and
 * {@link fr.vigie.render.CheckText} (a terminal, in French or English). Pure: records in, text out.
 * Invariant: text from a message never reaches a terminal with control characters in it.
 */
package fr.vigie.render;
