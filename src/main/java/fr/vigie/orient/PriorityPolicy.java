package fr.vigie.orient;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The points each priority factor adds and the thresholds that raise them: a policy of the reporting unit, not a
 * fact, so it is a record passed in ({@link #DEFAULT} until a unit sets its own).
 *
 * @param largeLossFrom per ISO 4217 currency, the total from which a loss counts as large; a currency not listed
 *     never counts (no exchange rates in the core)
 * @param recallDays money paid this many days ago or fewer may still be recalled or blocked
 * @param campaignWindowDays the window in which the caller counts the campaign's new reports
 * @param campaignGrowingFrom that many reports or more in the window: the campaign is growing fast
 */
public record PriorityPolicy(
        int minorPoints,
        int extortionPoints,
        int recallPoints,
        int largeLossPoints,
        int campaignPoints,
        Map<String, BigDecimal> largeLossFrom,
        int recallDays,
        int campaignWindowDays,
        int campaignGrowingFrom) {

    public PriorityPolicy {
        largeLossFrom = Map.copyOf(largeLossFrom);
    }

    /**
     * A child and a running extortion outrank money; money that can still be stopped outranks money gone; about
     * 1,000 euros is a large loss for a person (the CFA franc is pegged at 655.957 to the euro).
     */
    public static final PriorityPolicy DEFAULT = new PriorityPolicy(
            40,
            30,
            30,
            20,
            15,
            Map.of(
                    "EUR", new BigDecimal("1000"),
                    "CHF", new BigDecimal("1000"),
                    "USD", new BigDecimal("1000"),
                    "GBP", new BigDecimal("1000"),
                    "CAD", new BigDecimal("1500"),
                    "MAD", new BigDecimal("10000"),
                    "XOF", new BigDecimal("655957")),
            2,
            7,
            10);
}
