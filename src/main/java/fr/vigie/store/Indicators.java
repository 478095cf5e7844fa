package fr.vigie.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the reports say of the identifiers looked up, kept in memory between look-ups: analysts look the same values
 * up again and again (a mule account shared by a campaign, the values of the report open on their screen), and a
 * look-up answered from memory costs no query at all. Every answer is kept, whatever the value's popularity: a
 * value in one report still costs a query and its round trip, on PostgreSQL the most part of a look-up.
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
 * <p>Concurrent look-ups of one value not kept wait for one read of it rather than each reading it: a value in
 * thousands of reports is what many analysts (and clients) ask for at once, and its read is the longest.
 *
 * <p>Thread-safe.
 */
final class Indicators {
    /** At most this many values are kept (a few hundred bytes each, more for popular ones). */
    static final int MAX_KEPT = 50_000;

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

    /** A read under way: who asks for the same value under the same stamp, and as many reports or fewer, waits. */
    private record Reading(Stamp stamp, int max, FutureTask<Found> read) {}

    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Reading> reading = new ConcurrentHashMap<>();
    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    private final AtomicLong all = new AtomicLong();
    /** Moves on with every change of any value (after it is committed): see {@link #version}. */
    private final AtomicLong version = new AtomicLong();

    /**
     * What the store says of a value: as kept, or read by {@code read} (given the most reports to list), then kept.
     * Concurrent callers for one value share a read.
     */
    Found lookUp(String valueHash, int max, java.util.function.IntFunction<Found> read) {
        Optional<Found> hit = get(valueHash, max);
        if (hit.isPresent()) {
            return hit.get();
        }
        Stamp stamp = stamp(valueHash); // before reading: a report committed since outdates it
        Reading mine = new Reading(stamp, max, new FutureTask<>(() -> read.apply(max)));
        Reading under = reading.merge(
                valueHash,
                mine,
                (old, fresh) -> old.stamp().equals(fresh.stamp()) && old.max() >= fresh.max() ? old : fresh);
        if (under != mine) {
            return await(under.read());
        }
        try {
            mine.read().run();
            Found found = await(mine.read());
            put(valueHash, stamp, found);
            return found;
        } finally {
            reading.remove(valueHash, mine);
        }
    }

    private static Found await(FutureTask<Found> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another look-up read this value", e);
        }
    }

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

    /** Keeps what was read under {@code stamp}. */
    void put(String valueHash, Stamp stamp, Found found) {
        if (kept.size() >= MAX_KEPT) {
            // A tenth goes, in the map's own order (by hash: as good as at random); a value asked again comes back.
            Iterator<String> values = kept.keySet().iterator();
            for (int i = 0; i < MAX_KEPT / 10 && values.hasNext(); i++) {
                values.next();
                values.remove();
            }
        }
        kept.put(valueHash, new Kept(found, stamp));
    }

    /** Reports carrying these values were committed (call after the commit). */
    void changed(Collection<String> valueHashes) {
        for (String hash : valueHashes) {
            stripes.incrementAndGet(stripe(hash));
            kept.remove(hash);
        }
        version.incrementAndGet();
    }

    /** Something else that look-ups show changed (call after the commit). */
    void changedAll() {
        all.incrementAndGet();
        kept.clear();
        version.incrementAndGet();
    }

    /**
     * A number that moves on after every change of what any look-up shows, campaigns included (a new report joins
     * or merges campaigns, whatever values it carries): an answer made after reading it, and kept with it, is as
     * the store says while it has not moved.
     */
    long version() {
        return version.get();
    }

    private static int stripe(String valueHash) {
        return Math.floorMod(valueHash.hashCode(), STRIPES);
    }
}
