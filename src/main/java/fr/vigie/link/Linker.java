package fr.vigie.link;

import fr.vigie.identifier.Identifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The entry point of cross-referencing. For each report, in arrival order, the store:
 *
 * <ol>
 *   <li>asks {@link #post} what to post it under, and writes those rows (one per key, one per band key);
 *   <li>asks {@link #link} how it links, handing in its {@link Postings}; then joins campaigns along
 *       {@link Linked#edges()} ({@link Campaigns#link}) and keeps the edges, so a restart or a
 *       {@link Campaigns#rebuild} gives the same campaigns.
 * </ol>
 *
 * After a change of warning lists or thresholds, a full rebuild posts every report again and joins, for each
 * linkable key, its reports in a chain ({@link #chain}): n − 1 edges for n reports, never n².
 *
 * <p>Immutable and thread-safe.
 */
public final class Linker {
    /** The earliest reports a new report is linked to per shared value: one joins the campaign, a few explain it. */
    public static final int PARTNERS = 8;
    /** Reports read per band key; a template posted more often than this is already one campaign. */
    public static final int TEMPLATE_CANDIDATES = 64;

    private final LinkPolicy policy;

    public Linker(LinkPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public LinkPolicy policy() {
        return policy;
    }

    /**
     * What report {@code report} is posted under.
     *
     * @param identifiers every identifier of the report (declared and found), in normal form
     * @param victimOwn the victim's own values, in normal form (their addresses, their phone): never keys
     * @param texts the report's message texts, each fingerprinted when long enough
     */
    public Posting post(
            int report, Collection<? extends Identifier> identifiers, Set<String> victimOwn, Collection<String> texts) {
        return postFingerprinted(report, identifiers, victimOwn, fingerprints(texts));
    }

    /** The distinct fingerprints of message texts, those long enough to be templates, in order. */
    public static List<Fingerprint> fingerprints(Collection<String> texts) {
        return texts.stream()
                .map(Fingerprint::of)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    /**
     * {@link #post} with the texts' {@link #fingerprints} computed before (and stored: a rebuild reads them instead
     * of the texts).
     */
    public Posting postFingerprinted(
            int report,
            Collection<? extends Identifier> identifiers,
            Set<String> victimOwn,
            List<Fingerprint> templates) {
        List<Identifier> keys = new ArrayList<>();
        Map<Identifier, NeverReason> never = new LinkedHashMap<>();
        for (Identifier key : LinkKeys.ofAll(identifiers)) {
            Optional<NeverReason> reason = policy.neverReason(key, victimOwn);
            if (reason.isPresent()) {
                never.put(key, reason.get());
            } else {
                keys.add(key);
            }
        }
        return new Posting(report, keys, never, templates, victimOwn);
    }

    /** How the posted report links to the others: shared values through their postings, templates by band. */
    public Linked link(Posting posting, Postings postings) {
        long total = postings.totalReports();
        List<Linked.Link> links = new ArrayList<>();
        List<Decision.TooCommon> tooCommon = new ArrayList<>();
        for (Identifier key : posting.keys()) {
            long count = postings.count(key);
            if (count < 2) {
                continue; // nobody else carries it (yet)
            }
            long over = postings.tooCommonOver(key);
            Decision decided = over > 0
                    ? new Decision.TooCommon(key, count, over)
                    : policy.decide(key, count, Math.max(total, count), posting.victimOwn());
            switch (decided) {
                case Decision.Links decision -> {
                    List<Integer> with = others(postings.reports(key, PARTNERS + 1), posting.report());
                    if (!with.isEmpty()) {
                        links.add(new Linked.Link(decision, with));
                    }
                }
                case Decision.TooCommon common -> tooCommon.add(common);
                case Decision.Never never -> {} // decided at posting time; a list cannot change in between
            }
        }
        links.sort(Comparator.comparingDouble(
                (Linked.Link link) -> -link.decision().weight()));
        return new Linked(posting.report(), links, tooCommon, templates(posting, postings));
    }

    /** The edges that join {@code reports} (one key's, earliest first) into one campaign: a chain, n − 1 edges. */
    public static List<Campaigns.Edge> chain(int[] reports) {
        List<Campaigns.Edge> edges = new ArrayList<>(Math.max(0, reports.length - 1));
        for (int i = 1; i < reports.length; i++) {
            edges.add(new Campaigns.Edge(reports[i - 1], reports[i]));
        }
        return edges;
    }

    private static List<Linked.TemplateMatch> templates(Posting posting, Postings postings) {
        Map<Integer, Integer> nearest = new TreeMap<>();
        for (Fingerprint fingerprint : posting.templates()) {
            for (int bandKey : fingerprint.bandKeys()) {
                for (Postings.Posted candidate : postings.templates(bandKey, TEMPLATE_CANDIDATES)) {
                    if (candidate.report() != posting.report() && fingerprint.near(candidate.fingerprint())) {
                        nearest.merge(candidate.report(), fingerprint.distance(candidate.fingerprint()), Math::min);
                    }
                }
            }
        }
        List<Linked.TemplateMatch> matches = new ArrayList<>();
        nearest.forEach((report, distance) -> matches.add(new Linked.TemplateMatch(report, distance)));
        matches.sort(Comparator.comparingInt(Linked.TemplateMatch::distance));
        return matches;
    }

    private static List<Integer> others(List<Integer> reports, int self) {
        return reports.stream().filter(r -> r != self).limit(PARTNERS).toList();
    }
}
