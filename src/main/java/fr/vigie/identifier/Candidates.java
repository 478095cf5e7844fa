package fr.vigie.identifier;

import fr.vigie.message.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identifiers the extractors propose, with where they are, and the rule that settles overlaps: where two
 * proposals overlap, the stronger kind wins (a URL over the domain and digits inside it, an e-mail over its domain,
 * an IBAN over the digits in it...). Identifiers proposed together (a wa.me link and its phone) share one fate.
 * Not thread-safe: one instance per extraction.
 */
final class Candidates {
    /** Strongest first. A kind absent from the list never overlaps another. */
    private static final List<Kind> STRENGTH = List.of(
            Kind.URL,
            Kind.EMAIL,
            Kind.IBAN,
            Kind.BTC,
            Kind.ETH,
            Kind.TRX,
            Kind.COUPON,
            Kind.CARD,
            Kind.MTCN,
            Kind.HANDLE,
            Kind.PHONE,
            Kind.IP,
            Kind.DOMAIN,
            Kind.ALIAS);

    private record Candidate(int start, int end, int rank, List<Identifier> identifiers) {}

    private final Deobfuscated source;
    private final String defaultRegion;
    private final List<Candidate> proposed = new ArrayList<>();

    private String lower;

    Candidates(Deobfuscated source, String defaultRegion) {
        this.source = source;
        this.defaultRegion = defaultRegion;
    }

    /**
     * The text lower-cased, computed once per text: extractors find their context words in it with
     * {@link String#indexOf} (vectorised) and try their case-insensitive patterns only there. Its offsets are the
     * text's only when both have the same length (lower-casing a few rare letters changes it).
     */
    String lower() {
        if (lower == null) {
            lower = source.text().toLowerCase(java.util.Locale.ROOT);
        }
        return lower;
    }

    String defaultRegion() {
        return defaultRegion;
    }

    /** Proposes identifiers found at {@code [start, end)} of the de-obfuscated text; the first one is the main. */
    /**
     * True when a URL or an e-mail address already proposed covers the whole range: whatever weaker kind is there
     * would lose the overlap anyway, so extractors ask before any costly parse (a phone look-up in a tracking link).
     */
    boolean insideLinkOrAddress(int start, int end) {
        for (Candidate c : proposed) {
            if (c.rank() <= 1 && c.start() <= start && end <= c.end()) {
                return true;
            }
        }
        return false;
    }

    void add(int start, int end, List<Identifier> identifiers) {
        if (identifiers.isEmpty() || end <= start) {
            return;
        }
        proposed.add(
                new Candidate(start, end, STRENGTH.indexOf(identifiers.get(0).kind()), identifiers));
    }

    void add(int start, int end, Identifier identifier) {
        add(start, end, List.of(identifier));
    }

    Extraction resolve(String part, int maxIdentifiers) {
        proposed.sort(Comparator.comparingInt(Candidate::rank)
                .thenComparingInt(Candidate::start)
                .thenComparingInt(candidate -> candidate.start() - candidate.end()));
        TreeMap<Integer, Candidate> accepted = new TreeMap<>();
        for (Candidate candidate : proposed) {
            Map.Entry<Integer, Candidate> before = accepted.floorEntry(candidate.end() - 1);
            if (before == null || before.getValue().end() <= candidate.start()) {
                accepted.put(candidate.start(), candidate);
            }
        }
        List<Found> found = new ArrayList<>();
        for (Candidate candidate : accepted.values()) {
            int start = source.originalStart(candidate.start());
            int end = source.originalEnd(candidate.end());
            String written = source.original().substring(start, end);
            for (Identifier identifier : candidate.identifiers()) {
                if (found.size() == maxIdentifiers) {
                    return new Extraction(found, true);
                }
                String shown = identifier instanceof Card ? Card.mask(written) : written;
                found.add(new Found(identifier, shown, new Span(part, start, end)));
            }
        }
        return new Extraction(found, false);
    }
}
