package fr.vigie.link;

import fr.vigie.identifier.Identifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The campaigns with the edges that made them: each edge that joined two campaigns, and the value it was joined by
 * ({@link #via}; 0 for a message template). When a value becomes too common, {@link #takeBack} removes the edges it
 * made and groups the reports again from the others, so a value that linked its first carriers before it was known
 * to be common (a bulk host, a "customer service" number) does not leave them joined for ever.
 *
 * <p>Only the edges that joined two campaigns are kept (a spanning forest: fewer edges than reports). Taking back a
 * value's edges may therefore split reports that another value also joined, through an edge not kept; the next
 * report carrying both joins them again. The same edges in the same order give the same campaigns, at ingest, after
 * a restart ({@link #of}) and in a rebuild.
 *
 * <p>Not thread-safe: one writer (the store's link step) owns it.
 */
public final class CampaignForest {
    /** What {@link #via} gives a message template's edge: never taken back. */
    public static final long TEMPLATE = 0;

    private Campaigns campaigns = new Campaigns();
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private long[] by = new long[1024];
    private int size;

    /** An edge kept, with the value that made it. */
    public record Kept(int a, int b, long via) {}

    /** The campaigns of these reports and kept edges (a restart). */
    public static CampaignForest of(int[] reports, Iterable<Kept> edges) {
        CampaignForest forest = new CampaignForest();
        for (int report : reports) {
            forest.campaigns.add(report);
        }
        for (Kept edge : edges) {
            forest.campaigns.link(edge.a(), edge.b());
            forest.keep(edge.a(), edge.b(), edge.via());
        }
        return forest;
    }

    /** A stable 64-bit name of a value, never {@link #TEMPLATE}: FNV-1a with MurmurHash3's finaliser. */
    public static long via(Identifier key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (key.kind().id() + ':' + key.normalized()).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == TEMPLATE ? 1 : h;
    }

    public Campaigns campaigns() {
        return campaigns;
    }

    /** A report arrives, alone until something joins it. */
    public void add(int report) {
        campaigns.add(report);
    }

    /** Joins the campaigns of {@code a} and {@code b} by {@code via}; the edge kept, if two campaigns became one. */
    public java.util.Optional<Kept> join(int a, int b, long via) {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        if (low == high || campaigns.link(low, high).isEmpty()) {
            return java.util.Optional.empty();
        }
        keep(low, high, via);
        return java.util.Optional.of(new Kept(low, high, via));
    }

    /**
     * Removes every edge made by one of {@code keys} and groups the reports again from the edges left; returns how
     * many edges went. Campaign ids stay the earliest report of each campaign.
     */
    public int takeBack(Collection<Identifier> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        Set<Long> gone = new HashSet<>();
        keys.forEach(key -> gone.add(via(key)));
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!gone.contains(by[i])) {
                from[kept] = from[i];
                to[kept] = to[i];
                by[kept] = by[i];
                kept++;
            }
        }
        int removed = size - kept;
        if (removed > 0) {
            size = kept;
            Campaigns regrouped = new Campaigns();
            for (int report = 0; report < campaigns.capacity(); report++) {
                if (campaigns.contains(report)) {
                    regrouped.add(report);
                }
            }
            for (int i = 0; i < size; i++) {
                regrouped.link(from[i], to[i]);
            }
            campaigns = regrouped;
        }
        return removed;
    }

    private void keep(int a, int b, long via) {
        if (size == from.length) {
            from = Arrays.copyOf(from, size * 2);
            to = Arrays.copyOf(to, size * 2);
            by = Arrays.copyOf(by, size * 2);
        }
        from[size] = a;
        to[size] = b;
        by[size] = via;
        size++;
    }
}
