package fr.vigie.identifier;

/**
 * An identifier in its normal form (product.md, "Identifiers and their normal form"). An instance exists only if
 * the value is valid for its kind: each record's {@code parse} returns {@code Optional.empty()} otherwise, and its
 * compact constructor refuses a value that is not already in normal form.
 */
public sealed interface Identifier
        permits Email, Phone, Url, Domain, Ip, Iban, Btc, Eth, Trx, Mtcn, Coupon, Handle, Card, Alias {
    Kind kind();

    /** The normal form, used to store and compare. */
    String normalized();

    /** The form shown to people (grouped IBAN, defanged URL, EIP-55 address...); the normal form by default. */
    default String display() {
        return normalized();
    }
}
