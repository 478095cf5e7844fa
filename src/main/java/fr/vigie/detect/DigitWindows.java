package fr.vigie.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The stretches of a text where a regex rule can match: from {@link #BEFORE} chars before each run of digits to
 * {@link #AFTER} chars after it, overlapping stretches merged. A regex match must hold a digit and fit in its
 * stretch ("sous 72 heures", "10.500.000 usd", "3% par jour"), and starts at a word or a symbol ({@link #starts}).
 */
final class DigitWindows {
    static final int BEFORE = 16;
    static final int AFTER = 32;

    private DigitWindows() {}

    static List<int[]> of(String text) {
        List<int[]> windows = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            int from = Math.max(0, start - BEFORE);
            int to = Math.min(length, i + AFTER);
            int[] last = windows.isEmpty() ? null : windows.getLast();
            if (last != null && from <= last[1]) {
                last[1] = Math.max(last[1], to);
            } else {
                windows.add(new int[] {from, to});
            }
        }
        return windows;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Where a regex match may start inside a window: at the start of a word, or at a symbol such as $, € or %. */
    static int[] starts(String text, int[] window) {
        int[] starts = new int[window[1] - window[0]];
        int count = 0;
        for (int p = window[0]; p < window[1]; p++) {
            char c = text.charAt(p);
            boolean word = Character.isLetterOrDigit(c);
            boolean wordStart = word && (p == 0 || !Character.isLetterOrDigit(text.charAt(p - 1)));
            if (wordStart || (!word && !Character.isWhitespace(c))) {
                starts[count++] = p;
            }
        }
        return java.util.Arrays.copyOf(starts, count);
    }
}
