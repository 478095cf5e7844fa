package fr.vigie.identifier;

/**
 * A text with its defanging undone ({@code hxxps}, {@code [.]}, {@code (dot)}, {@code [at]}, {@code [:]}...), and
 * the map from each position of the new text back to the original, so that spans point into what was received.
 * Rewrites only ever shorten or keep the length. Immutable.
 */
final class Deobfuscated {
    /** Bracketed forms and what they stand for; word forms may have a space on each side ("jean (at) gmail"). */
    private static final String[][] BRACKETED = {
        {"[.]", "."},
        {"(.)", "."},
        {"{.}", "."},
        {"[dot]", "."},
        {"(dot)", "."},
        {"{dot}", "."},
        {"[at]", "@"},
        {"(at)", "@"},
        {"{at}", "@"},
        {"[@]", "@"},
        {"(@)", "@"},
        {"[://]", "://"},
        {"[:]", ":"},
        {"[/]", "/"}
    };

    private final String original;
    private final String text;
    private final int[] toOriginal; // null when nothing was rewritten

    private Deobfuscated(String original, String text, int[] toOriginal) {
        this.original = original;
        this.text = text;
        this.toOriginal = toOriginal;
    }

    static Deobfuscated of(String original) {
        if (!mayBeDefanged(original)) {
            return new Deobfuscated(original, original, null);
        }
        int length = original.length();
        StringBuilder out = new StringBuilder(length);
        int[] map = new int[length + 1];
        int i = 0;
        while (i < length) {
            char c = original.charAt(i);
            int consumed = 0;
            if (c == '[' || c == '(' || c == '{') {
                consumed = rewriteBracketed(original, i, out, map);
            } else if ((c == 'h' || c == 'H') && isHxxp(original, i)) {
                for (int k = 0; k < 4; k++) {
                    map[out.length()] = i + k;
                    out.append("http".charAt(k) == 'h' ? c : "http".charAt(k));
                }
                consumed = 4;
            }
            if (consumed == 0) {
                map[out.length()] = i;
                out.append(c);
                consumed = 1;
            }
            i += consumed;
        }
        map[out.length()] = length;
        return new Deobfuscated(original, out.toString(), map);
    }

    String text() {
        return text;
    }

    String original() {
        return original;
    }

    /** The original offset of a start offset in {@link #text()}. */
    int originalStart(int start) {
        return toOriginal == null ? start : toOriginal[start];
    }

    /** The original offset of an exclusive end offset in {@link #text()}. */
    int originalEnd(int end) {
        if (toOriginal == null) {
            return end;
        }
        // The end of the last character kept is the start of what followed it, minus the spaces a word form ate.
        int next = toOriginal[end];
        int last = toOriginal[end - 1];
        while (next > last + 1 && original.charAt(next - 1) == ' ') {
            next--;
        }
        return next;
    }

    private static boolean mayBeDefanged(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '[' || c == '(' || c == '{') && i + 1 < text.length() && startsAForm(text.charAt(i + 1))) {
                return true;
            }
            if ((c == 'x' || c == 'X') && i > 0 && isHxxp(text, i - 1)) {
                return true;
            }
        }
        return false;
    }

    /** The first character inside the brackets of some form of {@link #BRACKETED}: most brackets are plain text. */
    private static boolean startsAForm(char c) {
        return c == '.' || c == '@' || c == ':' || c == '/' || c == 'd' || c == 'D' || c == 'a' || c == 'A';
    }

    private static boolean isHxxp(String text, int i) {
        return i + 4 <= text.length()
                && (text.charAt(i) == 'h' || text.charAt(i) == 'H')
                && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
                && (text.charAt(i + 2) == 'x' || text.charAt(i + 2) == 'X')
                && (text.charAt(i + 3) == 'p' || text.charAt(i + 3) == 'P')
                && (i == 0 || !Character.isLetter(text.charAt(i - 1)));
    }

    /** Appends the replacement of a bracketed form starting at {@code i}; returns the chars consumed, 0 if none. */
    private static int rewriteBracketed(String text, int i, StringBuilder out, int[] map) {
        for (String[] form : BRACKETED) {
            String written = form[0];
            if (!text.regionMatches(true, i, written, 0, written.length())) {
                continue;
            }
            boolean spaced = form[1].length() == 1 && !form[1].equals(":") && !form[1].equals("/");
            // "gmail (dot) com": the spaces around belong to the obfuscation, not to the text.
            if (spaced
                    && out.length() >= 2
                    && out.charAt(out.length() - 1) == ' '
                    && Character.isLetterOrDigit(out.charAt(out.length() - 2))) {
                out.setLength(out.length() - 1);
            }
            int consumed = written.length();
            if (spaced
                    && i + consumed + 1 < text.length()
                    && text.charAt(i + consumed) == ' '
                    && Character.isLetterOrDigit(text.charAt(i + consumed + 1))) {
                consumed++;
            }
            for (int k = 0; k < form[1].length(); k++) {
                map[out.length()] = i;
                out.append(form[1].charAt(k));
            }
            return consumed;
        }
        return 0;
    }
}
