/**
 * Harmonisation: bytes as received become {@link fr.vigie.harmonise.Harmonised} facts. Entry:
 * {@link fr.vigie.harmonise.Harmoniser}; in: bytes, a stream or an mbox stream; out: records. Uses mime4j and
 * jsoup; pure (reads only what it is handed; no file, socket, database or clock). Invariant: memory stays within
 * {@link fr.vigie.harmonise.Limits}; an input over a limit is refused with the limit's name, never half-read.
 */
package fr.vigie.harmonise;
