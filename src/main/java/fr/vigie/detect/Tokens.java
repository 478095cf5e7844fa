package fr.vigie.detect;

import fr.vigie.rules.Matcher;
import java.util.Arrays;

/**
 * The words of a normalised text with their offsets, each as its number in the phrase vocabulary (-1 when no phrase
 * has that word), and whether a sentence ends before each word (a phrase never spans ". " or "!" so that "la police.
 * Nationale" is not "police nationale"). No String is made per word: a message has thousands of words and the
 * phrases look most of them up only to find them absent.
 */
final class Tokens {
    private final String text;
    private int[] words;
    private int[] starts;
    private int[] ends;
    private boolean[] breakBefore;
    private int size;

    private Tokens(String text) {
        this.text = text;
        int capacity = Math.max(16, text.length() / 5);
        words = new int[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
        breakBefore = new boolean[capacity];
    }

    static Tokens of(String normalised, Vocabulary vocabulary) {
        Tokens tokens = new Tokens(normalised);
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
            int hash = 0;
            while (i < length && Matcher.Phrases.isWordChar(c = normalised.charAt(i))) {
                hash = 31 * hash + c;
                i++;
            }
            tokens.add(vocabulary.id(normalised, start, i, hash), start, i, pendingBreak);
            pendingBreak = false;
        }
        return tokens;
    }

    private void add(int word, int start, int end, boolean broken) {
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

    /** The word's number in the vocabulary, or -1 when no phrase has that word. */
    int word(int index) {
        return words[index];
    }

    /** True when the word at {@code index} starts with {@code prefix} (a {@code word*} of a phrase). */
    boolean startsWith(int index, String prefix) {
        return ends[index] - starts[index] >= prefix.length()
                && text.regionMatches(starts[index], prefix, 0, prefix.length());
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
