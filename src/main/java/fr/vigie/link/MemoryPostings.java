package fr.vigie.link;

import fr.vigie.identifier.Identifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Postings kept in memory, as the store keeps them in tables: for a full rebuild of the links (one pass over every
 * report, no index look-up per key) and for tests. Only what {@link Linker#link} ever reads is kept: a count per
 * key and its earliest {@link Linker#PARTNERS} + 1 reports, the earliest {@link Linker#TEMPLATE_CANDIDATES}
 * reports per band key — so memory grows with the distinct keys, not with the postings.
 *
 * <p>Reports must be posted in arrival order, so every list stays earliest first. Not thread-safe.
 */
public final class MemoryPostings implements Postings {
    private static final int KEEP_PER_KEY = Linker.PARTNERS + 1;

    private final Map<Identifier, Carriers> byKey = new HashMap<>();
    private final Map<Integer, List<Posted>> byBand = new HashMap<>();
    private long total;

    /** A key's count and its earliest reports. */
    private static final class Carriers {
        long count;
        final List<Integer> earliest = new ArrayList<>(2);
    }

    public void post(Posting posting) {
        total++;
        for (Identifier key : posting.keys()) {
            Carriers carriers = byKey.computeIfAbsent(key, k -> new Carriers());
            carriers.count++;
            if (carriers.earliest.size() < KEEP_PER_KEY) {
                carriers.earliest.add(posting.report());
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
    public List<Integer> reports(Identifier key, int limit) {
        Carriers carriers = byKey.get(key);
        if (carriers == null) {
            return List.of();
        }
        if (limit > KEEP_PER_KEY) {
            throw new IllegalArgumentException("memory postings keep " + KEEP_PER_KEY + " reports per key");
        }
        return List.copyOf(carriers.earliest.subList(0, Math.min(limit, carriers.earliest.size())));
    }

    @Override
    public List<Posted> templates(int bandKey, int limit) {
        List<Posted> posted = byBand.getOrDefault(bandKey, List.of());
        if (limit > Linker.TEMPLATE_CANDIDATES) {
            throw new IllegalArgumentException("memory postings keep " + Linker.TEMPLATE_CANDIDATES + " per band");
        }
        return List.copyOf(posted.subList(0, Math.min(limit, posted.size())));
    }
}
