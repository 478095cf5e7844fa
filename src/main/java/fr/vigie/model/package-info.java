/**
 * The statistical model: features of a {@code Harmonised} message, a Tribuo linear model over the 14 schemes, its
 * file with provenance, the keyed train/test split, label files, and the evaluation arithmetic. Entry:
 * {@link fr.vigie.model.ScamModel#predict}. In: harmonised messages, label text, model bytes; out: predictions,
 * models, evaluations. Pure: no file, socket or clock (time and seeds are parameters; files are opened by the caller
 * through {@link fr.vigie.model.Corpus.Source}). Invariant: training never sees a message whose split key is on the
 * test side.
 */
package fr.vigie.model;
