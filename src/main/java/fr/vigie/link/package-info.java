/**
 * Cross-referencing (recoupement), the pure part: which values of a report may link it to others
 * ({@link fr.vigie.link.NeverLink}, {@link fr.vigie.link.LinkKeys}), how much a shared value weighs
 * ({@link fr.vigie.link.LinkPolicy}), message templates ({@link fr.vigie.link.Fingerprint}), campaigns as an
 * incremental union-find ({@link fr.vigie.link.Campaigns}) and the words that explain a link
 * ({@link fr.vigie.link.Explanations}). Entry point: {@link fr.vigie.link.Linker}. Links are found through
 * per-value postings that the store keeps and hands in as {@link fr.vigie.link.Postings}, never through a table
 * of pairs. Pure: no file, socket, database, clock or chance. docs/LINKING.md explains the choices.
 */
package fr.vigie.link;
