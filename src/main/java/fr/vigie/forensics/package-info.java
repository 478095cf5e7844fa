/**
 * Header forensics for one e-mail: the Received chain as hops, the originating IP, which authentication results to
 * trust, DKIM signatures, and sender mismatches. Entry: {@link fr.vigie.forensics.HeaderForensics#examine}, headers
 * and raw bytes in, a {@link fr.vigie.forensics.HeaderFindings} record out. Pure: no file, socket, DNS or clock; the
 * only lookup is the DKIM key source handed in. Invariant: examine never throws on header content, what it cannot
 * read becomes a warning, and headers below the receiving boundary never set an authentication verdict.
 */
package fr.vigie.forensics;
