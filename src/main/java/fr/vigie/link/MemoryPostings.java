package fr.vigie.link;

import fr.vigie.identifier.Identifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Postings kept in memory, as the store keeps them in tables: for a full rebuild of the links (one pass over every
 * report, no index look-up per key) and for tests. Only what {@link Linker#link} ever reads is kept: a count per
 * key and its earliest {@link Linker#PARTNERS} + 1 reports, the earliest {@link Linker#TEMPLATE_CANDIDATES}
 * reports per band key — so memory grows with the distinct keys, not with the postings.
 *
 * <p>A key becomes too common ({@link #tooCommonOver}) the first time more reports carry it than the policy's limit
 * for the reports posted so far, and stays so: {@link #post} says which keys it made too common, so the store can
 * take back the links they made before (docs/LINKING.md, "Too common"). Posting the same reports in the same order
 * gives the same keys too common, at ingest, after a restart and in a rebuild.
 *
 * <p>Reports must be posted in arrival order, so every list stays earliest first. The lists answered are views, to
 * be read before the next post. Not thread-safe.
 */
public final class MemoryPostings implements Postings {
    private static final int KEEP_PER_KEY = Linker.PARTNERS + 1;

    private final LinkPolicy policy;
    private final Map<Identifier, Carriers> byKey = new HashMap<>();
    private final Map<Integer, List<Posted>> byBand = new HashMap<>();
    private long total;

    /** A key's count and its earliest reports. */
    private static final class Carriers {
        long count;
        /** The limit it went over when it became too common; 0 while it links. */
        long tooCommonOver;

        final List<Integer> earliest = new ArrayList<>(2);
    }

    public MemoryPostings(LinkPolicy policy) {
        this.policy = policy;
    }

    /** Posts a report; returns the keys it made too common (usually none). */
    public List<Identifier> post(Posting posting) {
        total++;
        long limit = policy.commonLimit(total);
        List<Identifier> madeTooCommon = List.of();
        for (Identifier key : posting.keys()) {
            Carriers carriers = byKey.computeIfAbsent(key, k -> new Carriers());
            carriers.count++;
            if (carriers.earliest.size() < KEEP_PER_KEY) {
                carriers.earliest.add(posting.report());
            }
            if (carriers.tooCommonOver == 0 && carriers.count > limit) {
                carriers.tooCommonOver = limit;
                madeTooCommon = madeTooCommon.isEmpty() ? new ArrayList<>() : madeTooCommon;
                madeTooCommon.add(key);
            }
        }
        for (Fingerprint fingerprint : posting.templates()) {
            for (int band : fingerprint.bandKeys()) {
                List<Posted> posted = byBand.computeIfAbsent(band, b -> new ArrayList<>(2));
                if (posted.size() < Linker.TEMPLATE_CANDIDATES) {
                    posted.add(new Posted(posting.report(), fingerprint));
                }
            }
        }
        return madeTooCommon;
    }

    @Override
    public long totalReports() {
        return total;
    }

    @Override
    public long count(Identifier key) {
        Carriers carriers = byKey.get(key);
        return carriers == null ? 0 : carriers.count;
    }

    @Override
    public long tooCommonOver(Identifier key) {
        Carriers carriers = byKey.get(key);
        return carriers == null ? 0 : carriers.tooCommonOver;
    }

    @Override
    public List<Integer> reports(Identifier key, int limit) {
        Carriers carriers = byKey.get(key);
        if (carriers == null) {
            return List.of();
        }
        if (limit > KEEP_PER_KEY) {
            throw new IllegalArgumentException("memory postings keep " + KEEP_PER_KEY + " reports per key");
        }
        // a view, not a copy: read at once by the linker, before anything else is posted
        return Collections.unmodifiableList(carriers.earliest.subList(0, Math.min(limit, carriers.earliest.size())));
    }

    @Override
    public List<Posted> templates(int bandKey, int limit) {
        List<Posted> posted = byBand.getOrDefault(bandKey, List.of());
        if (limit > Linker.TEMPLATE_CANDIDATES) {
            throw new IllegalArgumentException("memory postings keep " + Linker.TEMPLATE_CANDIDATES + " per band");
        }
        return Collections.unmodifiableList(posted.subList(0, Math.min(limit, posted.size())));
    }
}
