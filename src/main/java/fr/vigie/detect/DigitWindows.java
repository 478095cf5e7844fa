package fr.vigie.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Where regex rules are tried: regex rules describe amounts, percentages and durations, so a match starts at a run
 * of digits or at the word or symbol just before it ("sous 72 heures", "$8,500,000", "usd 8,500,000", "3% par
 * jour") and ends at most {@link #AFTER} chars after the digits. A 50 KB letter then costs a couple of anchored
 * attempts per number instead of one attempt per character per rule.
 */
final class DigitWindows {
    /** How far a match may reach past its digits: "4.5 million dollars", "40% of the total sum". */
    static final int AFTER = 32;

    private DigitWindows() {}

    /** Each candidate as {start, end of region}, starts ascending and distinct. */
    static List<int[]> of(String text) {
        List<int[]> candidates = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            int end = Math.min(length, i + AFTER);
            int before = wordOrSymbolBefore(text, start);
            if (before >= 0) {
                add(candidates, before, end);
            }
            add(candidates, start, end);
        }
        return candidates;
    }

    /** The start of the word, or the position of the symbol, just before {@code start} (one space allowed). */
    private static int wordOrSymbolBefore(String text, int start) {
        int p = start - 1;
        if (p >= 0 && text.charAt(p) == ' ') {
            p--;
        }
        if (p < 0 || isDigit(text.charAt(p))) {
            return -1;
        }
        if (!Character.isLetter(text.charAt(p))) {
            return text.charAt(p) == ' ' ? -1 : p;
        }
        while (p > 0 && Character.isLetter(text.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    private static void add(List<int[]> candidates, int start, int end) {
        int[] last = candidates.isEmpty() ? null : candidates.getLast();
        if (last != null && start <= last[0]) {
            last[1] = Math.max(last[1], end);
            return;
        }
        candidates.add(new int[] {start, end});
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
