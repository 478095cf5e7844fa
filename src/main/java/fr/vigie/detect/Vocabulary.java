package fr.vigie.detect;

import java.util.List;

/**
 * The whole words of all phrases, numbered, in an open-addressing table looked up by a range of a text and its
 * {@link String#hashCode} computed while the range was read, so that a message's words are never made into Strings.
 * Immutable and thread-safe.
 */
final class Vocabulary {
    private final String[] words; // by slot, null when empty
    private final int[] ids; // by slot
    private final int mask;

    /** The words numbered by their position in the list; the list holds each word once. */
    Vocabulary(List<String> words) {
        int slots = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1;
        this.words = new String[slots];
        this.ids = new int[slots];
        this.mask = slots - 1;
        for (int id = 0; id < words.size(); id++) {
            String word = words.get(id);
            int slot = word.hashCode() & mask;
            while (this.words[slot] != null) {
                slot = (slot + 1) & mask;
            }
            this.words[slot] = word;
            ids[slot] = id;
        }
    }

    /** The number of {@code text[start, end)}, whose String hash code is {@code hash}, or -1 if no phrase has it. */
    int id(String text, int start, int end, int hash) {
        int length = end - start;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            String word = words[slot];
            if (word == null) {
                return -1;
            }
            if (word.length() == length && word.hashCode() == hash && text.regionMatches(start, word, 0, length)) {
                return ids[slot];
            }
        }
    }
}
