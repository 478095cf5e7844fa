/**
 * Identifiers (e-mail, phone, URL, IBAN, crypto addresses, coupons, handles...) in their normal form, one record per
 * kind under the sealed {@link fr.vigie.identifier.Identifier}. Entry point: {@link fr.vigie.identifier.Identifiers}
 * ({@code extract(text, part)}, {@code parseAny(value)}). Pure: no file, socket, database or clock.
 * Invariant: an Identifier exists only if its value is valid, and a full card number never leaves the package.
 */
package fr.vigie.identifier;
