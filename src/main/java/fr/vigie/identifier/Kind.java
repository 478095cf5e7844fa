package fr.vigie.identifier;

import java.util.Locale;

/** The identifier kinds of product.md; {@link #id()} is the name used in JSON, data files and labels. */
public enum Kind {
    EMAIL,
    PHONE,
    URL,
    DOMAIN,
    IP,
    IBAN,
    BTC,
    ETH,
    TRX,
    MTCN,
    COUPON,
    HANDLE,
    CARD,
    ALIAS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Kind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
