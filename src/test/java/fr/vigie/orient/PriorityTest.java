package fr.vigie.orient;

import static fr.vigie.orient.Cases.checked;
import static fr.vigie.orient.Cases.loss;
import static fr.vigie.orient.Cases.reported;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.i18n.Lang;
import fr.vigie.report.Channel;
import fr.vigie.report.PaymentMethod;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriorityTest {
    private static final Clock NOV_29 = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneId.of("Europe/Paris"));
    private static final PriorityPolicy POLICY = PriorityPolicy.DEFAULT;

    private static List<String> ids(Priority p) {
        return p.factors().stream().map(Priority.Factor::id).toList();
    }

    @Test
    void minorFacingARunningExtortionComesFirstWithBothFactorsExplained() {
        Priority p = Priority.assess(
                checked("FR", true, List.of("sextortion"), Set.of("DEADLINE_HOURS"), Channel.EMAIL),
                0,
                NOV_29,
                POLICY,
                Lang.EN);
        assertThat(ids(p)).containsExactly("minor", "extortion_running");
        assertThat(p.score()).isEqualTo(POLICY.minorPoints() + POLICY.extortionPoints());
        assertThat(p.factors().get(1).explanation()).contains("deadline");
    }

    @Test
    void extortionWithoutADeadlineIsNotRunning() {
        Priority p = Priority.assess(
                checked("FR", false, List.of("sextortion"), Set.of("SEXTORTION_THREAT"), Channel.EMAIL),
                0,
                NOV_29,
                POLICY,
                Lang.EN);
        assertThat(p.factors()).isEmpty();
        assertThat(p.score()).isZero();
    }

    @Test
    void transferSentYesterdayCanStillBeRecalled() {
        Priority p = Priority.assess(
                reported(
                        "FR",
                        false,
                        List.of("bank_impersonation"),
                        List.of(loss("400", "EUR", PaymentMethod.TRANSFER, LocalDate.of(2026, 11, 28))),
                        Channel.PHONE),
                0,
                NOV_29,
                POLICY,
                Lang.FR);
        assertThat(ids(p)).containsExactly("recall_possible");
        assertThat(p.factors().getFirst().explanation())
                .isEqualTo("400 EUR payés par virement le 2026-11-28 : l'argent peut encore être rappelé ou bloqué.");
    }

    @Test
    void moneySentLongAgoOrByCryptoCannotBeRecalled() {
        Priority old = Priority.assess(
                reported(
                        "FR",
                        false,
                        List.of("romance"),
                        List.of(loss("400", "EUR", PaymentMethod.TRANSFER, LocalDate.of(2026, 11, 1))),
                        Channel.EMAIL),
                0,
                NOV_29,
                POLICY,
                Lang.EN);
        Priority crypto = Priority.assess(
                reported(
                        "FR",
                        false,
                        List.of("investment"),
                        List.of(loss("400", "EUR", PaymentMethod.CRYPTO, LocalDate.of(2026, 11, 29))),
                        Channel.EMAIL),
                0,
                NOV_29,
                POLICY,
                Lang.EN);
        assertThat(ids(old)).doesNotContain("recall_possible");
        assertThat(ids(crypto)).doesNotContain("recall_possible");
    }

    @Test
    void largeLossIsMeasuredInItsOwnCurrency() {
        Priority euros = Priority.assess(
                reported(
                        "FR",
                        false,
                        List.of("romance"),
                        List.of(
                                loss("700", "EUR", PaymentMethod.COUPON, null),
                                loss("500", "EUR", PaymentMethod.COUPON, null)),
                        Channel.EMAIL),
                0,
                NOV_29,
                POLICY,
                Lang.EN);
        Priority cfa = Priority.assess(
                reported(
                        "SN", false, List.of("romance"), List.of(loss("1200", "XOF", PaymentMethod.OTHER, null)), null),
                0,
                NOV_29,
                POLICY,
                Lang.EN);
        assertThat(ids(euros)).containsExactly("large_loss");
        assertThat(euros.factors().getFirst().explanation())
                .contains("1200 EUR")
                .contains("1000 EUR");
        assertThat(ids(cfa)).isEmpty(); // 1,200 CFA francs is under two euros
    }

    @Test
    void currencyWithoutAThresholdNeverCountsAsLarge() {
        Priority p = Priority.assess(
                reported(
                        "JP",
                        false,
                        List.of("investment"),
                        List.of(loss("900000", "JPY", PaymentMethod.OTHER, null)),
                        null),
                0,
                NOV_29,
                POLICY,
                Lang.EN);
        assertThat(ids(p)).isEmpty();
    }

    @Test
    void campaignGrowingFastCountsFromThePolicysThreshold() {
        var c = checked("FR", false, List.of("delivery"), Set.of(), null);
        Priority below = Priority.assess(c, POLICY.campaignGrowingFrom() - 1, NOV_29, POLICY, Lang.EN);
        Priority at = Priority.assess(c, POLICY.campaignGrowingFrom(), NOV_29, POLICY, Lang.EN);
        assertThat(ids(below)).isEmpty();
        assertThat(ids(at)).containsExactly("campaign_growing");
        assertThat(at.factors().getFirst().explanation())
                .isEqualTo("The campaign is growing fast: " + POLICY.campaignGrowingFrom() + " reports in the last "
                        + POLICY.campaignWindowDays() + " days.");
    }

    @Test
    void everyFactorTogetherIsCappedAt100AndOrderedByWeight() {
        Priority p = Priority.assess(
                new Case(
                        "FR",
                        true,
                        java.util.Optional.empty(),
                        List.of("sextortion"),
                        Set.of("DEADLINE_TODAY"),
                        List.of(loss("5000", "EUR", PaymentMethod.CARD, LocalDate.of(2026, 11, 29))),
                        java.util.Optional.empty()),
                50,
                NOV_29,
                POLICY,
                Lang.FR);
        assertThat(ids(p))
                .containsExactly("minor", "extortion_running", "recall_possible", "large_loss", "campaign_growing");
        assertThat(p.score()).isEqualTo(100);
        assertThat(p.factors()).allSatisfy(f -> assertThat(f.explanation()).doesNotStartWith("priority."));
    }
}
