package fr.vigie.link;

import fr.vigie.identifier.Identifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Postings kept in maps, as the store keeps them in tables: one entry per (report, key) and (report, band). */
final class MemoryPostings implements Postings {
    private final Map<Identifier, List<Integer>> byKey = new HashMap<>();
    private final Map<Integer, List<Posted>> byBand = new HashMap<>();
    private long total;

    /** Reports must be posted in arrival order, so every list stays earliest first. */
    void post(Posting posting) {
        total++;
        posting.keys()
                .forEach(key ->
                        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(posting.report()));
        for (Fingerprint fingerprint : posting.templates()) {
            for (int band : fingerprint.bandKeys()) {
                byBand.computeIfAbsent(band, b -> new ArrayList<>()).add(new Posted(posting.report(), fingerprint));
            }
        }
    }

    @Override
    public long totalReports() {
        return total;
    }

    @Override
    public long count(Identifier key) {
        return byKey.getOrDefault(key, List.of()).size();
    }

    @Override
    public List<Integer> reports(Identifier key, int limit) {
        List<Integer> reports = byKey.getOrDefault(key, List.of());
        return List.copyOf(reports.subList(0, Math.min(limit, reports.size())));
    }

    @Override
    public List<Posted> templates(int bandKey, int limit) {
        List<Posted> posted = byBand.getOrDefault(bandKey, List.of());
        return List.copyOf(posted.subList(0, Math.min(limit, posted.size())));
    }
}
