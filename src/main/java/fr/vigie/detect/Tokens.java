package fr.vigie.detect;

import fr.vigie.rules.Matcher;
import java.util.Arrays;

/**
 * The words of a normalised text with their offsets, and whether a sentence ends before each word (a phrase never
 * spans ". " or "!" so that "la police. Nationale" is not "police nationale").
 */
final class Tokens {
    private String[] words = new String[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] breakBefore = new boolean[64];
    private int size;

    static Tokens of(String normalised) {
        Tokens tokens = new Tokens();
        boolean pendingBreak = false;
        int i = 0;
        int length = normalised.length();
        while (i < length) {
            char c = normalised.charAt(i);
            if (!Matcher.Phrases.isWordChar(c)) {
                pendingBreak |= c == '.' || c == '!' || c == '?' || c == ';';
                i++;
                continue;
            }
            int start = i;
            while (i < length && Matcher.Phrases.isWordChar(normalised.charAt(i))) {
                i++;
            }
            tokens.add(normalised.substring(start, i), start, i, pendingBreak);
            pendingBreak = false;
        }
        return tokens;
    }

    private void add(String word, int start, int end, boolean broken) {
        if (size == words.length) {
            int capacity = size * 2;
            words = Arrays.copyOf(words, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            breakBefore = Arrays.copyOf(breakBefore, capacity);
        }
        words[size] = word;
        starts[size] = start;
        ends[size] = end;
        breakBefore[size] = broken;
        size++;
    }

    int size() {
        return size;
    }

    String word(int index) {
        return words[index];
    }

    int start(int index) {
        return starts[index];
    }

    int end(int index) {
        return ends[index];
    }

    boolean breakBefore(int index) {
        return breakBefore[index];
    }
}
