package fr.vigie.orient;

import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.report.Loss;
import fr.vigie.report.PaymentMethod;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How urgent a report is for the analysts' queue (0–100, capped) and why: the factors behind the score, each with
 * its points and an explanation in the analyst's language, the heaviest first.
 */
public record Priority(int score, List<Factor> factors) {
    /** Schemes that threaten the victim: with a deadline in the message, the extortion is still running. */
    static final Set<String> EXTORTION_SCHEMES = Set.of("sextortion", "fake_authority");

    static final Set<String> DEADLINE_FLAGS = Set.of("DEADLINE_HOURS", "DEADLINE_TODAY");

    /** Ways of paying where a bank, a transfer service or an issuer can still stop or recall fresh money. */
    static final Set<PaymentMethod> RECALLABLE = Set.of(
            PaymentMethod.TRANSFER,
            PaymentMethod.CARD,
            PaymentMethod.WESTERN_UNION,
            PaymentMethod.MANDAT_CASH,
            PaymentMethod.COUPON,
            PaymentMethod.GIFT_CARD);

    public Priority {
        factors = List.copyOf(factors);
    }

    /** One reason for the score: a stable id ({@code minor}, {@code extortion_running}...), points, explanation. */
    public record Factor(String id, int points, String explanation) {}

    /**
     * @param recentCampaignReports reports of the case's campaign received in the last
     *     {@link PriorityPolicy#campaignWindowDays} days (0 when it belongs to none)
     * @param clock today's date, for whether money was just sent
     */
    public static Priority assess(Case c, int recentCampaignReports, Clock clock, PriorityPolicy policy, Lang lang) {
        Texts texts = Texts.of(lang);
        List<Factor> factors = new ArrayList<>();
        if (c.minor()) {
            factors.add(new Factor("minor", policy.minorPoints(), texts.get("priority.minor")));
        }
        if (c.schemes().stream().anyMatch(EXTORTION_SCHEMES::contains)
                && c.redFlags().stream().anyMatch(DEADLINE_FLAGS::contains)) {
            factors.add(
                    new Factor("extortion_running", policy.extortionPoints(), texts.get("priority.extortion_running")));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        c.losses().stream()
                .filter(loss -> RECALLABLE.contains(loss.method()))
                .filter(loss -> loss.paidOn().isPresent())
                .filter(loss -> {
                    long days = ChronoUnit.DAYS.between(loss.paidOn().get(), today);
                    return days >= 0 && days <= policy.recallDays();
                })
                .max(Comparator.comparing(loss -> loss.paidOn().get()))
                .ifPresent(loss -> factors.add(new Factor(
                        "recall_possible",
                        policy.recallPoints(),
                        texts.get(
                                "priority.recall_possible",
                                loss.amount().toPlainString(),
                                loss.currency(),
                                texts.get("payment." + loss.method().id()),
                                loss.paidOn().get().toString()))));
        largeLoss(c.losses(), policy)
                .ifPresent(total -> factors.add(new Factor(
                        "large_loss",
                        policy.largeLossPoints(),
                        texts.get(
                                "priority.large_loss",
                                total.getValue().toPlainString(),
                                total.getKey(),
                                policy.largeLossFrom().get(total.getKey()).toPlainString()))));
        if (recentCampaignReports >= policy.campaignGrowingFrom()) {
            factors.add(new Factor(
                    "campaign_growing",
                    policy.campaignPoints(),
                    texts.get("priority.campaign_growing", recentCampaignReports, policy.campaignWindowDays())));
        }
        factors.sort(Comparator.comparingInt(Factor::points).reversed());
        int score = Math.min(100, factors.stream().mapToInt(Factor::points).sum());
        return new Priority(score, factors);
    }

    /** The largest total, by currency, that reaches the policy's threshold for that currency. */
    private static java.util.Optional<Map.Entry<String, BigDecimal>> largeLoss(
            List<Loss> losses, PriorityPolicy policy) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        losses.forEach(loss -> totals.merge(loss.currency(), loss.amount(), BigDecimal::add));
        return totals.entrySet().stream()
                .filter(e -> policy.largeLossFrom().containsKey(e.getKey()))
                .filter(e -> e.getValue().compareTo(policy.largeLossFrom().get(e.getKey())) >= 0)
                .max(Comparator.comparing(e ->
                        e.getValue().divide(policy.largeLossFrom().get(e.getKey()), java.math.MathContext.DECIMAL64)));
    }
}
