package fr.vigie.orient;

import fr.vigie.detect.Verdict;
import fr.vigie.report.Channel;
import fr.vigie.report.Loss;
import fr.vigie.report.PaymentMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Small builders of the cases the orientation tests route. */
final class Cases {
    private Cases() {}

    static Case reported(String country, boolean minor, List<String> schemes, List<Loss> losses, Channel channel) {
        return new Case(
                country, minor, Optional.of(Verdict.SCAM), schemes, Set.of(), losses, Optional.ofNullable(channel));
    }

    static Case checked(String country, boolean minor, List<String> schemes, Set<String> redFlags, Channel channel) {
        return new Case(
                country, minor, Optional.of(Verdict.SCAM), schemes, redFlags, List.of(), Optional.ofNullable(channel));
    }

    static Loss loss(String amount, String currency, PaymentMethod method, LocalDate paidOn) {
        return new Loss(new BigDecimal(amount), currency, method, Optional.ofNullable(paidOn));
    }
}
