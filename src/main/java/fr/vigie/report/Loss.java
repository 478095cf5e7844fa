package fr.vigie.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Money the victim lost.
 *
 * @param amount positive, at most two decimals
 * @param currency ISO 4217 code, upper case
 * @param paidOn when it was paid, if the victim knows
 */
public record Loss(BigDecimal amount, String currency, PaymentMethod method, Optional<LocalDate> paidOn) {
    public Loss {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(paidOn, "paidOn");
        if (amount.signum() <= 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("a loss is a positive amount with at most two decimals");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a currency is a three-letter ISO 4217 code");
        }
    }
}
