package fr.vigie.identifier;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the context words of one family (Western Union, a gift-card brand, a platform) occur in a text, found in
 * one pass; then "is one near here?" is a binary search. Immutable.
 */
final class Mentions {
    /** One occurrence: its offsets and the word as written, lower-cased. */
    record Mention(int start, int end, String word) {}

    private final Mention[] mentions;

    private Mentions(Mention[] mentions) {
        this.mentions = mentions;
    }

    /**
     * The mentions of a family whose every alternative starts with one of {@code starts} (lower-case): the pattern
     * is tried only where such a start is found in the lower-cased text, not at every position.
     */
    static Mentions find(Pattern words, String text, Candidates out, String... starts) {
        int[] positions = out.wordsAt(starts);
        if (positions == null) { // lower-casing changed offsets (rare letters): read it all
            return find(words, text);
        }
        if (positions.length == 0) {
            return new Mentions(new Mention[0]);
        }
        Matcher matcher = words.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        List<Mention> found = new java.util.ArrayList<>();
        int covered = 0;
        for (int at : positions) {
            if (at < covered) {
                continue;
            }
            matcher.region(at, text.length());
            if (matcher.lookingAt()) {
                found.add(new Mention(
                        matcher.start(), matcher.end(), matcher.group().toLowerCase(Locale.ROOT)));
                covered = matcher.end();
            }
        }
        return new Mentions(found.toArray(Mention[]::new));
    }

    /** Every offset where one of {@code words} occurs in {@code text}, ascending, each once. */
    static int[] starts(String text, String... words) {
        // Offsets marked in a bit set, then read back in order: short words ("wu", "ici") occur hundreds of times
        // in a long text, and sorting the offsets of all the words cost more than finding them.
        long[] marks = null;
        int count = 0;
        for (String word : words) {
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                if (marks == null) {
                    marks = new long[(text.length() >> 6) + 1];
                }
                long bit = 1L << at;
                if ((marks[at >> 6] & bit) == 0) {
                    marks[at >> 6] |= bit;
                    count++;
                }
            }
        }
        int[] found = new int[count];
        int n = 0;
        for (int w = 0; marks != null && w < marks.length; w++) {
            for (long m = marks[w]; m != 0; m &= m - 1) {
                found[n++] = (w << 6) + Long.numberOfTrailingZeros(m);
            }
        }
        return found;
    }

    static Mentions find(Pattern words, String text) {
        Matcher matcher = words.matcher(text);
        Mention[] found = new Mention[8];
        int count = 0;
        while (matcher.find()) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] =
                    new Mention(matcher.start(), matcher.end(), matcher.group().toLowerCase(Locale.ROOT));
        }
        return new Mentions(Arrays.copyOf(found, count));
    }

    boolean isEmpty() {
        return mentions.length == 0;
    }

    Mention[] all() {
        return mentions.clone();
    }

    /** The mention closest to {@code [start, end)} within {@code distance} characters of it, or null. */
    Mention nearest(int start, int end, int distance) {
        int low = 0;
        int high = mentions.length;
        while (low < high) { // first mention starting at or after end
            int middle = (low + high) >>> 1;
            if (mentions[middle].start() < end) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        // Matches of one pattern do not overlap, so their ends grow with their starts: the closest mention
        // before is the one just before index low, the closest after is at low.
        Mention best = null;
        int bestGap = distance + 1;
        for (int i = Math.max(0, low - 1); i < Math.min(mentions.length, low + 1); i++) {
            Mention mention = mentions[i];
            int gap = mention.end() <= start ? start - mention.end() : Math.max(0, mention.start() - end);
            if (gap < bestGap) {
                best = mention;
                bestGap = gap;
            }
        }
        return best;
    }
}
