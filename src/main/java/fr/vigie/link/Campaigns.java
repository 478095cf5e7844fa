package fr.vigie.link;

import java.util.Arrays;
import java.util.Optional;

/**
 * Campaigns: the connected groups of reports over strong links and template matches, kept as a union-find
 * (union by size, path halving: near-constant time per report, 12 bytes per report) and grown as reports arrive.
 *
 * <p>Reports are numbered by the store in arrival order: 0, 1, 2… (an identity column); a number never comes back.
 * <b>A campaign's id is the number of its earliest report</b>; when two campaigns merge, the older id (the smaller)
 * is kept and the other is retired ({@link Merge}), so an id an analyst wrote down names the same campaign or the
 * one it grew into. The rule depends only on which reports are connected, never on the order links were found, so
 * {@link #rebuild} from the same edges gives the same ids as any incremental history (a "largest campaign keeps its
 * id" rule would not: sizes at merge time depend on that order), and the ids are the same after a restart.
 *
 * <p>One writer (the store's link step) owns it; reads ({@link #campaignOf}, {@link #sizeOf}, {@link #contains})
 * change nothing, so many may run at once while no one links.
 */
public final class Campaigns {
    private static final int ABSENT = -1;

    private int[] parent = new int[0];
    private int[] size = new int[0];
    private int[] earliest = new int[0];
    private int count;

    /** Two reports joined by a strong link or a template match. */
    public record Edge(int a, int b) {
        public Edge {
            if (a < 0 || b < 0) {
                throw new IllegalArgumentException("report numbers are not negative");
            }
        }
    }

    /** Two campaigns became one: {@code kept} is its id, {@code retired} the id that now names it no more. */
    public record Merge(int kept, int retired) {}

    /** Every report of {@code reports} alone, then every edge: the campaigns of a full rebuild. */
    public static Campaigns rebuild(int[] reports, Iterable<Edge> edges) {
        Campaigns campaigns = new Campaigns();
        for (int report : reports) {
            campaigns.add(report);
        }
        for (Edge edge : edges) {
            campaigns.link(edge.a(), edge.b());
        }
        return campaigns;
    }

    /** A report arrives: its own campaign until something links it. Adding a known report changes nothing. */
    public void add(int report) {
        if (report < 0) {
            throw new IllegalArgumentException("report numbers are not negative");
        }
        if (report >= parent.length) {
            int capacity = Math.max(report + 1, parent.length * 2);
            parent = grow(parent, capacity);
            size = Arrays.copyOf(size, capacity);
            earliest = grow(earliest, capacity);
        }
        if (parent[report] == ABSENT) {
            parent[report] = report;
            size[report] = 1;
            earliest[report] = report;
            count++;
        }
    }

    /** Joins the campaigns of {@code a} and {@code b} (adding either if new); the merge, if two became one. */
    public Optional<Merge> link(int a, int b) {
        add(a);
        add(b);
        int ra = root(a);
        int rb = root(b);
        if (ra == rb) {
            return Optional.empty();
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        int kept = Math.min(earliest[ra], earliest[rb]);
        int retired = Math.max(earliest[ra], earliest[rb]);
        parent[rb] = ra;
        size[ra] += size[rb];
        earliest[ra] = kept;
        return Optional.of(new Merge(kept, retired));
    }

    public boolean contains(int report) {
        return report >= 0 && report < parent.length && parent[report] != ABSENT;
    }

    /** The id of {@code report}'s campaign: the number of its earliest report. */
    public int campaignOf(int report) {
        requireKnown(report);
        return earliest[find(report)];
    }

    /** How many reports {@code report}'s campaign holds. */
    public int sizeOf(int report) {
        requireKnown(report);
        return size[find(report)];
    }

    /** One more than the highest report number it has room for: every known report is below it. */
    public int capacity() {
        return parent.length;
    }

    /** How many reports are known. */
    public int reports() {
        return count;
    }

    private void requireKnown(int report) {
        if (!contains(report)) {
            throw new IllegalArgumentException("unknown report " + report);
        }
    }

    /** The root without shortening the path (a read): union by size keeps every path under log2(n) steps. */
    private int find(int report) {
        int x = report;
        while (parent[x] != x) {
            x = parent[x];
        }
        return x;
    }

    private int root(int report) {
        int x = report;
        while (parent[x] != x) {
            parent[x] = parent[parent[x]]; // path halving: later look-ups take half the steps
            x = parent[x];
        }
        return x;
    }

    private static int[] grow(int[] array, int capacity) {
        int old = array.length;
        int[] grown = Arrays.copyOf(array, capacity);
        Arrays.fill(grown, old, capacity, ABSENT);
        return grown;
    }
}
