package fr.vigie.report;

import java.util.Locale;
import java.util.Optional;

/** How a loss was paid: it decides who can still stop the money (a bank, a coupon issuer, an exchange...). */
public enum PaymentMethod {
    TRANSFER,
    CARD,
    WESTERN_UNION,
    MANDAT_CASH,
    COUPON,
    CRYPTO,
    GIFT_CARD,
    CASH,
    OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentMethod> fromId(String id) {
        for (PaymentMethod m : values()) {
            if (m.id().equals(id)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
