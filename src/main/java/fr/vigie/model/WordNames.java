package fr.vigie.model;

import java.util.Arrays;

/**
 * The feature names of the word buckets ({@code w0} … {@code w<buckets-1>}) and their order as names: a model
 * vector lists its features in name order ({@code w10} before {@code w9}). Made once per bucket count, so that
 * no message builds a name or sorts Strings. Immutable and thread-safe.
 */
final class WordNames {
    /** The last one made: every model in a run has the same bucket count. */
    private static volatile WordNames last;

    private final String[] names; // by bucket
    private final int[] rank; // by bucket: its position in name order
    private final int[] byRank; // by rank: the bucket

    private WordNames(int buckets) {
        names = new String[buckets];
        Integer[] order = new Integer[buckets];
        for (int b = 0; b < buckets; b++) {
            names[b] = "w" + b;
            order[b] = b;
        }
        Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
        rank = new int[buckets];
        byRank = new int[buckets];
        for (int r = 0; r < buckets; r++) {
            rank[order[r]] = r;
            byRank[r] = order[r];
        }
    }

    static WordNames of(int buckets) {
        WordNames words = last;
        if (words == null || words.names.length != buckets) {
            words = new WordNames(buckets);
            last = words;
        }
        return words;
    }

    String name(int bucket) {
        return names[bucket];
    }

    /** The position of a bucket's name among all names in String order. */
    int rank(int bucket) {
        return rank[bucket];
    }

    /** The bucket whose name has that position in String order. */
    int bucket(int rank) {
        return byRank[rank];
    }
}
