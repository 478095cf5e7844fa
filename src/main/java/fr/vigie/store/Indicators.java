package fr.vigie.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the reports say of the identifiers that many reports carry, kept in memory between look-ups. A look-up of a
 * value carried by thousands of reports reads thousands of rows, and those values are the ones analysts look up
 * most (a mule account shared by a campaign); a value carried by a few reports is read from the index every time
 * (it costs little), so memory holds only the popular ones.
 *
 * <p>Never stale: what is kept is stamped with the versions it was read under, taken <em>before</em> the read;
 * the store moves a value's version on <em>after</em> committing a report that carries it ({@link #changed}), and
 * every version after anything else that changes what a look-up says (an erasure, the retention job, a link
 * rebuild: {@link #changedAll}). A look-up whose stamp is behind reads the store again. Versions are kept per
 * stripe of values (a few thousand counters), so a new report makes only its own values' entries (and a few
 * neighbours') read again. The campaigns are not kept: they change as reports link, and are read at the
 * union-find on each look-up from the arrival numbers kept here. Only this process's writes are seen: like the
 * campaigns' union-find, this assumes one process writes the store.
 *
 * <p>Thread-safe.
 */
final class Indicators {
    /** Values carried by fewer reports are read from the index each time. */
    static final int KEPT_FROM = 16;

    private static final int MAX_KEPT = 20_000;
    private static final int STRIPES = 4096;

    /** A look-up's figures, before its campaigns; {@code newest} holds at most the number of reports asked. */
    record Found(
            long reportCount,
            long victims,
            Optional<Instant> firstSeen,
            Optional<Instant> lastSeen,
            Map<String, BigDecimal> losses,
            List<String> countries,
            List<String> newest,
            int[] arrivals) {}

    /** The versions a read was made under; taken before reading. */
    record Stamp(long all, long stripe) {}

    private record Kept(Found found, Stamp stamp) {}

    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    private final AtomicLong all = new AtomicLong();

    Stamp stamp(String valueHash) {
        return new Stamp(all.get(), stripes.get(stripe(valueHash)));
    }

    /** What is kept for a value, if it is as the store says now and holds the {@code max} newest reports asked. */
    Optional<Found> get(String valueHash, int max) {
        Kept k = kept.get(valueHash);
        if (k == null || !k.stamp().equals(stamp(valueHash))) {
            return Optional.empty();
        }
        return k.found().newest().size() >= Math.min(max, k.found().reportCount())
                ? Optional.of(k.found())
                : Optional.empty();
    }

    /** Keeps what was read under {@code stamp}, if the value is popular enough to be worth it. */
    void put(String valueHash, Stamp stamp, Found found) {
        if (found.reportCount() < KEPT_FROM) {
            return;
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear(); // a crude bound: the popular values come back at their next look-up
        }
        kept.put(valueHash, new Kept(found, stamp));
    }

    /** Reports carrying these values were committed (call after the commit). */
    void changed(Collection<String> valueHashes) {
        for (String hash : valueHashes) {
            stripes.incrementAndGet(stripe(hash));
            kept.remove(hash);
        }
    }

    /** Something else that look-ups show changed (call after the commit). */
    void changedAll() {
        all.incrementAndGet();
        kept.clear();
    }

    private static int stripe(String valueHash) {
        return Math.floorMod(valueHash.hashCode(), STRIPES);
    }
}
