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

    private record Word(int left, int top, int right, int bottom, String text) {}

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

        int bottom() {
            return lines.values().stream()
                    .flatMap(l -> l.words.stream())
                    .mapToInt(Word::bottom)
                    .max()
                    .orElse(0);
        }

        /** The height of a line of its text (the tallest word box of its first line). */
        int lineHeight() {
            return ordered().get(0).words.stream()
                    .mapToInt(w -> w.bottom() - w.top())
                    .max()
                    .orElse(0);
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
                int height = Integer.parseInt(c[9]);
                String bubble = c[2] + "." + c[3];
                bubbles.computeIfAbsent(bubble, k -> new Bubble())
                        .lines
                        .computeIfAbsent(bubble + "." + c[4], k -> new Line())
                        .words
                        .add(new Word(left, top, left + width, top + height, word(c[11].strip())));
            } catch (NumberFormatException e) {
                // a row that is not a word row: tesseract writes none, but its output is not ours to trust
            }
        }
        StringBuilder out = new StringBuilder();
        Bubble previous = null;
        for (Bubble bubble : bubbles.values().stream()
                .sorted(Comparator.comparingInt(Bubble::top).thenComparingInt(Bubble::left))
                .toList()) {
            String text = bubbleText(bubble);
            if (previous != null) {
                // Tesseract may split one bubble into paragraphs; lines closer than a line's height are one bubble
                boolean sameBubble = bubble.top() - previous.bottom() < previous.lineHeight() * 0.8;
                String last = out.substring(out.lastIndexOf(" ") + 1);
                out.append(!sameBubble ? "\n" : cutToken(last, true) ? "" : " ");
            }
            out.append(text);
            previous = bubble;
        }
        return out.isEmpty() ? "" : out.append('\n').toString();
    }

    /**
     * A paragraph's lines, joined into one line per bubble: Tesseract's paragraph may hold several bubbles, so a gap
     * taller than most of a line starts a new line, and a line "reaches the edge" when it is about as long as the
     * longest of the lines that start where it starts (its own bubble's width, not the paragraph's).
     */
    /** A lone vertical bar in a chat is the pronoun I read by OCR (a person rarely types a bar alone). */
    private static String word(String read) {
        return read.equals("|") ? "I" : read;
    }

    private static String bubbleText(Bubble bubble) {
        List<Line> lines = bubble.ordered();
        StringBuilder text = new StringBuilder();
        String last = null;
        boolean lastReachedEdge = false;
        Line before = null;
        for (Line line : lines) {
            List<Word> words = line.words.stream()
                    .sorted(Comparator.comparingInt(Word::left))
                    .toList();
            if (words.isEmpty()) {
                continue;
            }
            Word start = words.get(0);
            int height = start.bottom() - start.top();
            boolean newBubble = before != null && line.top() - bottom(before) > height * 0.8;
            for (Word word : words) {
                if (last != null) {
                    text.append(
                            word == start && newBubble
                                    ? "\n"
                                    : cutToken(last, word == start && lastReachedEdge) ? "" : " ");
                }
                text.append(word.text());
                last = word.text();
            }
            Word end = words.get(words.size() - 1);
            int charWidth = Math.max(
                    1, (end.right() - end.left()) / Math.max(1, end.text().length()));
            int edge = lines.stream()
                    .filter(l -> !l.words.isEmpty() && Math.abs(left(l) - start.left()) <= 2 * charWidth)
                    .mapToInt(Line::right)
                    .max()
                    .orElse(end.right());
            lastReachedEdge = edge - end.right() <= 2 * charWidth;
            before = line;
        }
        return text.toString();
    }

    private static int left(Line line) {
        return line.words.stream().mapToInt(Word::left).min().orElse(0);
    }

    private static int bottom(Line line) {
        return line.words.stream().mapToInt(Word::bottom).max().orElse(0);
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
