package fr.vigie.render;

import fr.vigie.detect.RedFlag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A part's text with the red flags pointed at: each piece of evidence is wrapped as {@code ⟦n text⟧} where n is the
 * flag's number in the "why" list, and only the lines around the marks are kept (long messages stay readable). The
 * web page uses {@link #marksIn} to highlight the same spans.
 */
public final class Marked {
    private static final int CONTEXT_LINES = 1;
    private static final int MAX_LINES = 40;

    private Marked() {}

    public record Mark(int start, int end, int number) {}

    public static List<Mark> marksIn(String part, List<RedFlag> flags) {
        List<Mark> marks = new ArrayList<>();
        for (int n = 0; n < flags.size(); n++) {
            for (RedFlag.Evidence e : flags.get(n).evidence()) {
                if (e.part().equals(part) && e.end() > e.start()) {
                    marks.add(new Mark(e.start(), e.end(), n + 1));
                }
            }
        }
        marks.sort(Comparator.comparingInt(Mark::start).thenComparingInt(m -> -m.end()));
        List<Mark> disjoint = new ArrayList<>(); // overlapping evidence: the first (longest) mark wins
        int covered = 0;
        for (Mark m : marks) {
            if (m.start() >= covered) {
                disjoint.add(m);
                covered = m.end();
            }
        }
        return disjoint;
    }

    static String render(String text, List<Mark> marks) {
        StringBuilder out = new StringBuilder(text.length() + marks.size() * 6);
        int at = 0;
        for (Mark m : marks) {
            out.append(text, at, m.start()).append("⟦").append(m.number()).append(' ');
            out.append(text, m.start(), m.end()).append('⟧');
            at = m.end();
        }
        out.append(text, at, text.length());
        return excerpt(out.toString());
    }

    /** The lines holding a mark with one line around each; "…" where lines were left out. */
    private static String excerpt(String marked) {
        String[] lines = marked.split("\n", -1);
        boolean[] keep = new boolean[lines.length];
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("⟦")) {
                for (int k = Math.max(0, i - CONTEXT_LINES); k <= Math.min(lines.length - 1, i + CONTEXT_LINES); k++) {
                    keep[k] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int kept = 0;
        boolean gap = false;
        for (int i = 0; i < lines.length && kept < MAX_LINES; i++) {
            if (keep[i] && !lines[i].isBlank()) {
                if (gap && kept > 0) {
                    out.append("…\n");
                }
                out.append(CheckText.clean(lines[i])).append('\n');
                kept++;
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }
}
