package fr.vigie.link;

import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Kind;
import fr.vigie.identifier.Url;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a value shared by reports links them, and how much the link weighs (docs/LINKING.md).
 *
 * <ol>
 *   <li><b>Never</b> when {@link NeverLink} says so.
 *   <li><b>Too common</b> when more than {@code max(commonFloor, commonShare × N)} of the N reports carry it.
 *   <li>Otherwise it <b>links</b>, with weight {@code kindFactor × ln(1 + N/df) / ln(1 + N)}: 1 for a value in
 *       one report, falling as more reports carry it (about 0.95 for 2 reports in a million, 0.67 for 100, 0.38
 *       for 5,000), always above 0. The factor is 1 for values a scammer must own (IBAN, wallets, phone, e-mail
 *       address, handle, MTCN, coupon, link, domain), lower for {@link #KIND_FACTORS weak kinds}.
 * </ol>
 *
 * Immutable and thread-safe.
 */
public final class LinkPolicy {
    /** Default share of all reports above which a value is too common: 1 % (10,000 of a million reports). */
    public static final double DEFAULT_COMMON_SHARE = 0.01;
    /** Default number of reports a value may always reach before it can be too common (a small store links all). */
    public static final long DEFAULT_COMMON_FLOOR = 100;

    /**
     * Kinds that link weakly (shown, never joining a campaign by themselves): an alias, since people share names
     * and scammers share fake ones; an IP address, since mail relays and VPN exits serve many senders. Every other
     * kind has factor 1 and links strongly. A link to a page of a listed platform ({@code docs.google.com/forms/…})
     * is weak too ({@link #PLATFORM_PAGE}): the page may be the scammer's, or a footer every sender copies.
     */
    public static final Map<Kind, Double> KIND_FACTORS = weakKinds();

    /** The factor of a link to a page under a warning-listed host. */
    public static final double PLATFORM_PAGE = 0.5;

    private final NeverLink never;
    private final double commonShare;
    private final long commonFloor;

    public LinkPolicy(NeverLink never, double commonShare, long commonFloor) {
        this.never = Objects.requireNonNull(never, "never");
        if (!(commonShare > 0 && commonShare <= 1) || commonFloor < 1) {
            throw new IllegalArgumentException("commonShare must be in (0, 1] and commonFloor at least 1");
        }
        this.commonShare = commonShare;
        this.commonFloor = commonFloor;
    }

    public LinkPolicy(NeverLink never) {
        this(never, DEFAULT_COMMON_SHARE, DEFAULT_COMMON_FLOOR);
    }

    public NeverLink never() {
        return never;
    }

    /** Why {@code key} never links, whatever its frequency: the store need not even count its reports. */
    public Optional<NeverReason> neverReason(Identifier key, Set<String> victimOwn) {
        return never.reason(key, victimOwn);
    }

    /** The most reports a value may be carried by and still link, out of {@code totalReports}. */
    public long commonLimit(long totalReports) {
        return Math.max(commonFloor, (long) Math.floor(commonShare * totalReports));
    }

    /**
     * The decision for {@code key}, carried by {@code reports} of {@code totalReports} reports.
     *
     * @param victimOwn the victim's own values of the report being linked, in normal form
     */
    public Decision decide(Identifier key, long reports, long totalReports, Set<String> victimOwn) {
        if (reports < 1 || totalReports < reports) {
            throw new IllegalArgumentException("need 1 <= reports <= totalReports");
        }
        Optional<NeverReason> reason = never.reason(key, victimOwn);
        if (reason.isPresent()) {
            return new Decision.Never(key, reports, reason.get());
        }
        long limit = commonLimit(totalReports);
        if (reports > limit) {
            return new Decision.TooCommon(key, reports, limit);
        }
        double factor = factor(key);
        double rarity = Math.log1p((double) totalReports / reports) / Math.log1p(totalReports);
        return new Decision.Links(key, reports, factor * rarity, factor >= 1.0);
    }

    private double factor(Identifier key) {
        if (key instanceof Url url
                && url.domain() != null
                && never.listOf(url.host()).isPresent()) {
            return PLATFORM_PAGE;
        }
        return KIND_FACTORS.getOrDefault(key.kind(), 1.0);
    }

    private static Map<Kind, Double> weakKinds() {
        Map<Kind, Double> factors = new EnumMap<>(Kind.class);
        factors.put(Kind.ALIAS, 0.3);
        factors.put(Kind.IP, 0.5);
        return Map.copyOf(factors);
    }
}
