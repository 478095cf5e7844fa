package fr.vigie.rules;

import java.util.List;

/** The scheme ids of product.md's taxonomy. A scam is any scheme except {@code spam} and {@code legitimate}. */
public final class Schemes {
    public static final String SPAM = "spam";
    public static final String LEGITIMATE = "legitimate";

    /** Every scheme, scams first, in the taxonomy's order. */
    public static final List<String> ALL = List.of(
            "fake_authority",
            "sextortion",
            "romance",
            "recovery",
            "advance_fee",
            "lottery",
            "phishing",
            "delivery",
            "bank_impersonation",
            "tech_support",
            "investment",
            "job",
            SPAM,
            LEGITIMATE);

    private Schemes() {}

    public static boolean isScam(String scheme) {
        return !scheme.equals(SPAM) && !scheme.equals(LEGITIMATE);
    }

    /** The scam schemes only, in the taxonomy's order. */
    public static final List<String> SCAMS = ALL.subList(0, ALL.size() - 2);

    public static boolean isKnown(String scheme) {
        return ALL.contains(scheme);
    }
}
