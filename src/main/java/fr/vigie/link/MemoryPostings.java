package fr.vigie.link;

import fr.vigie.identifier.Identifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Postings kept in memory, as the store keeps them: for linking at ingest, for a full rebuild of the links (one pass
 * over every report, no index look-up per key) and for tests. Only what {@link Linker#link} ever reads is kept: a
 * count per key and its earliest {@link Linker#PARTNERS} + 1 reports, the earliest {@link
 * Linker#TEMPLATE_CANDIDATES} reports per band key — so memory grows with the distinct keys, not with the postings.
 *
 * <p>All of it sits in a few arrays of numbers, not in objects per key: a million reports have a few million distinct
 * keys, and as maps of objects they were about 300 bytes each, a gigabyte of small objects that every full
 * collection walked (the server stopped for seconds at a time). A key is its 64-bit {@link CampaignForest#via} (two
 * distinct values share one with probability about n²/2⁶⁵: once in ten million stores of four million keys); a slot
 * of an open-addressing table holds its count, the limit it went over, its earliest report, and where its next
 * {@link Linker#PARTNERS} earliest are (a block of a shared pool, taken when a second report carries it): about 50
 * bytes a key. A band key ({@code band << 16 | bits}, 2¹⁸ of them) indexes its own arrays of reports and
 * fingerprints.
 *
 * <p>A key becomes too common ({@link #tooCommonOver}) the first time more reports carry it than the policy's limit
 * for the reports posted so far, and stays so: {@link #post} says which keys it made too common, so the store can
 * take back the links they made before (docs/LINKING.md, "Too common"). Posting the same reports in the same order
 * gives the same keys too common, at ingest, after a restart and in a rebuild.
 *
 * <p>Reports must be posted in arrival order, so every list stays earliest first. Not thread-safe.
 */
public final class MemoryPostings implements Postings {
    private static final int KEEP_PER_KEY = Linker.PARTNERS + 1;
    private static final int BLOCK = KEEP_PER_KEY - 1;
    private static final long EMPTY = 0;
    private static final int BAND_KEYS = Fingerprint.BANDS << Fingerprint.BAND_BITS;

    private final LinkPolicy policy;
    private long total;

    // the keys: an open-addressing table (linear probing) over the keys' 64-bit names
    private long[] names = new long[1 << 10];
    private int[] counts = new int[names.length];
    private int[] over = new int[names.length];
    private int[] first = new int[names.length];
    /** Where in {@link #pool} a key's next earliest reports are, or -1 while one report carries it. */
    private int[] more = new int[names.length];

    private int keys;
    private int[] pool = new int[BLOCK * 1024];
    private int pooled;

    // the band keys: reports and fingerprints (bits, check interleaved), earliest first
    private final int[][] bandReports = new int[BAND_KEYS][];
    private final long[][] bandPrints = new long[BAND_KEYS][];
    private final byte[] bandSizes = new byte[BAND_KEYS];

    public MemoryPostings(LinkPolicy policy) {
        this.policy = policy;
    }

    /** Posts a report; returns the keys it made too common (usually none). */
    public List<Identifier> post(Posting posting) {
        total++;
        long limit = policy.commonLimit(total);
        List<Identifier> madeTooCommon = List.of();
        for (Identifier key : posting.keys()) {
            int slot = slotFor(CampaignForest.via(key));
            int count = ++counts[slot];
            if (count == 1) {
                first[slot] = posting.report();
                more[slot] = -1;
            } else if (count <= KEEP_PER_KEY) {
                if (count == 2) {
                    more[slot] = takeBlock();
                }
                pool[more[slot] + count - 2] = posting.report();
            }
            if (over[slot] == 0 && count > limit) {
                over[slot] = (int) Math.max(1, limit);
                madeTooCommon = madeTooCommon.isEmpty() ? new ArrayList<>() : madeTooCommon;
                madeTooCommon.add(key);
            }
        }
        for (Fingerprint fingerprint : posting.templates()) {
            for (int band : fingerprint.bandKeys()) {
                postBand(band, posting.report(), fingerprint);
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
        int slot = slotOf(CampaignForest.via(key));
        return slot < 0 ? 0 : counts[slot];
    }

    @Override
    public long tooCommonOver(Identifier key) {
        int slot = slotOf(CampaignForest.via(key));
        return slot < 0 ? 0 : over[slot];
    }

    @Override
    public List<Integer> reports(Identifier key, int limit) {
        if (limit > KEEP_PER_KEY) {
            throw new IllegalArgumentException("memory postings keep " + KEEP_PER_KEY + " reports per key");
        }
        int slot = slotOf(CampaignForest.via(key));
        if (slot < 0 || limit <= 0) {
            return List.of();
        }
        int n = Math.min(limit, Math.min(counts[slot], KEEP_PER_KEY));
        Integer[] reports = new Integer[n];
        reports[0] = first[slot];
        for (int i = 1; i < n; i++) {
            reports[i] = pool[more[slot] + i - 1];
        }
        return Arrays.asList(reports);
    }

    @Override
    public List<Posted> templates(int bandKey, int limit) {
        if (limit > Linker.TEMPLATE_CANDIDATES) {
            throw new IllegalArgumentException("memory postings keep " + Linker.TEMPLATE_CANDIDATES + " per band");
        }
        if (bandKey < 0 || bandKey >= BAND_KEYS || bandReports[bandKey] == null) {
            return List.of();
        }
        int n = Math.min(limit, Byte.toUnsignedInt(bandSizes[bandKey]));
        List<Posted> posted = new ArrayList<>(n);
        int[] reports = bandReports[bandKey];
        long[] prints = bandPrints[bandKey];
        for (int i = 0; i < n; i++) {
            posted.add(new Posted(reports[i], new Fingerprint(prints[2 * i], prints[2 * i + 1])));
        }
        return posted;
    }

    /** How many distinct keys are posted. */
    public int keys() {
        return keys;
    }

    private void postBand(int band, int report, Fingerprint fingerprint) {
        int size = Byte.toUnsignedInt(bandSizes[band]);
        if (size >= Linker.TEMPLATE_CANDIDATES) {
            return;
        }
        if (bandReports[band] == null) {
            bandReports[band] = new int[2];
            bandPrints[band] = new long[4];
        } else if (size == bandReports[band].length) {
            int grown = Math.min(Linker.TEMPLATE_CANDIDATES, size * 2);
            bandReports[band] = Arrays.copyOf(bandReports[band], grown);
            bandPrints[band] = Arrays.copyOf(bandPrints[band], 2 * grown);
        }
        bandReports[band][size] = report;
        bandPrints[band][2 * size] = fingerprint.bits();
        bandPrints[band][2 * size + 1] = fingerprint.check();
        bandSizes[band] = (byte) (size + 1);
    }

    private int takeBlock() {
        if (pooled + BLOCK > pool.length) {
            pool = Arrays.copyOf(pool, pool.length * 2);
        }
        int block = pooled;
        pooled += BLOCK;
        return block;
    }

    /** The slot of a key's name, or -1 when it was never posted. */
    private int slotOf(long name) {
        long[] table = names;
        int mask = table.length - 1;
        for (int slot = spread(name) & mask; ; slot = (slot + 1) & mask) {
            if (table[slot] == name) {
                return slot;
            }
            if (table[slot] == EMPTY) {
                return -1;
            }
        }
    }

    /** The slot of a key's name, taken (count 0) if it was never posted. */
    private int slotFor(long name) {
        if ((keys + 1) * 10L > names.length * 7L) {
            grow();
        }
        int mask = names.length - 1;
        int slot = spread(name) & mask;
        while (names[slot] != name) {
            if (names[slot] == EMPTY) {
                names[slot] = name;
                keys++;
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldNames = names;
        int[] oldCounts = counts;
        int[] oldOver = over;
        int[] oldFirst = first;
        int[] oldMore = more;
        int capacity = oldNames.length * 2;
        names = new long[capacity];
        counts = new int[capacity];
        over = new int[capacity];
        first = new int[capacity];
        more = new int[capacity];
        int mask = capacity - 1;
        for (int old = 0; old < oldNames.length; old++) {
            if (oldNames[old] != EMPTY) {
                int slot = spread(oldNames[old]) & mask;
                while (names[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                names[slot] = oldNames[old];
                counts[slot] = oldCounts[old];
                over[slot] = oldOver[old];
                first[slot] = oldFirst[old];
                more[slot] = oldMore[old];
            }
        }
    }

    /** The name's bits mixed down to the table's index (the name is already a finalised hash: its high half). */
    private static int spread(long name) {
        return (int) (name ^ (name >>> 32));
    }
}
