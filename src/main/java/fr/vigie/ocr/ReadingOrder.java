package fr.vigie.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tesseract's TSV (one row per word, with its block, paragraph and line and its box) turned into text in the order a
 * person reads a chat: each paragraph is a bubble, bubbles from top to bottom whichever side they sit on, and the
 * lines of one bubble joined into one line so that a phone number, an IBAN or a link wrapped by the bubble's width
 * reads whole again.
 */
final class ReadingOrder {
    private ReadingOrder() {}

    private record Word(int left, int top, int right, String text) {}

    private static final class Line {
        final List<Word> words = new ArrayList<>();

        int top() {
            return words.stream().mapToInt(Word::top).min().orElse(0);
        }

        int right() {
            return words.stream().mapToInt(Word::right).max().orElse(0);
        }
    }

    private static final class Bubble {
        final Map<String, Line> lines = new LinkedHashMap<>();

        List<Line> ordered() {
            return lines.values().stream()
                    .sorted(Comparator.comparingInt(Line::top))
                    .toList();
        }

        int top() {
            return lines.values().stream().mapToInt(Line::top).min().orElse(0);
        }

        int left() {
            return lines.values().stream()
                    .flatMap(l -> l.words.stream())
                    .mapToInt(Word::left)
                    .min()
                    .orElse(0);
        }
    }

    static String text(String tsv) {
        Map<String, Bubble> bubbles = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !c[0].equals("5") || c[11].isBlank()) {
                continue; // the header row, page/block/line rows, and empty words
            }
            try {
                int left = Integer.parseInt(c[6]);
                int top = Integer.parseInt(c[7]);
                int width = Integer.parseInt(c[8]);
                String bubble = c[2] + "." + c[3];
                bubbles.computeIfAbsent(bubble, k -> new Bubble())
                        .lines
                        .computeIfAbsent(bubble + "." + c[4], k -> new Line())
                        .words
                        .add(new Word(left, top, left + width, c[11].strip()));
            } catch (NumberFormatException e) {
                // a row that is not a word row: tesseract writes none, but its output is not ours to trust
            }
        }
        StringBuilder out = new StringBuilder();
        bubbles.values().stream()
                .sorted(Comparator.comparingInt(Bubble::top).thenComparingInt(Bubble::left))
                .forEach(b -> out.append(bubbleText(b)).append('\n'));
        return out.toString();
    }

    private static String bubbleText(Bubble bubble) {
        List<Line> lines = bubble.ordered();
        int right = lines.stream().mapToInt(Line::right).max().orElse(0);
        StringBuilder text = new StringBuilder();
        String last = null;
        boolean lastReachedEdge = false;
        for (Line line : lines) {
            List<Word> words = line.words.stream()
                    .sorted(Comparator.comparingInt(Word::left))
                    .toList();
            for (Word word : words) {
                if (last != null) {
                    text.append(cutToken(last, lastReachedEdge) ? "" : " ");
                }
                text.append(word.text());
                last = word.text();
                lastReachedEdge = false;
            }
            if (!words.isEmpty()) {
                Word end = words.get(words.size() - 1);
                int charWidth = Math.max(
                        1, (end.right() - end.left()) / Math.max(1, end.text().length()));
                lastReachedEdge = right - end.right() <= 2 * charWidth;
            }
        }
        return text.toString();
    }

    /**
     * True when a line's last word was cut by the bubble's edge, not ended: a link that ends mid-way ("https://a-")
     * or a long unbroken code (a wallet) that runs to the edge.
     */
    static boolean cutToken(String word, boolean reachedEdge) {
        if (word.contains("://") || word.startsWith("www.")) {
            return reachedEdge || "-/._=?&%".indexOf(word.charAt(word.length() - 1)) >= 0;
        }
        return reachedEdge && word.length() >= 16 && word.chars().allMatch(Character::isLetterOrDigit);
    }
}
