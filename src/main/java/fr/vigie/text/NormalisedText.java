package fr.vigie.text;

import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A text as rules and models read it, with a map back to the original so that evidence points into what the
 * person received. Scam mail hides words from filters with look-alike letters (Cyrillic "а" for "a"), accents,
 * zero-width characters and odd spacing; here every non-ASCII character becomes its UTS #39 confusable skeleton,
 * accents go, letters are lower-cased, invisible format characters disappear and whitespace runs become one space.
 * ASCII letters and digits only change case, so "2024" stays "2024".
 *
 * <p>Immutable and thread-safe. {@link #of(String)} costs one pass; non-ASCII mappings are cached per code unit.
 */
public final class NormalisedText {
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    /** Mapping of each BMP char, computed on first sight (the set of chars seen in mail is small). */
    private static final AtomicReferenceArray<String> BMP = new AtomicReferenceArray<>(0x10000);

    private final String original;
    private final String text;
    private final int[] origin; // origin[i]: index in original of the code point that produced text[i]; origin[len]:
    // original.length()

    private NormalisedText(String original, String text, int[] origin) {
        this.original = original;
        this.text = text;
        this.origin = origin;
    }

    public static NormalisedText of(String original) {
        Builder b = new Builder(original, true);
        b.run();
        b.origin[b.length] = original.length();
        return new NormalisedText(original, b.text(), Arrays.copyOf(b.origin, b.length + 1));
    }

    /** The normalised text alone, for a reader that never points back into the original (the model). */
    public static String textOf(String original) {
        Builder b = new Builder(original, false);
        b.run();
        return b.text();
    }

    /** One pass over the original into a char array (a StringBuilder checks its coder on every append). */
    private static final class Builder {
        private final String original;
        private char[] out;
        private int[] origin; // null when no map back is wanted
        private int length;

        Builder(String original, boolean mapBack) {
            this.original = original;
            this.out = new char[original.length() + 16];
            this.origin = mapBack ? new int[out.length] : null;
        }

        void run() {
            int i = 0;
            int end = original.length();
            while (i < end) {
                char ascii = original.charAt(i);
                if (ascii < 0x80) { // most mail text: one char in, at most one char out, no String looked up
                    char c = ASCII_CHAR[ascii];
                    if (c != 0 && !(c == ' ' && (length == 0 || out[length - 1] == ' '))) {
                        append(c, i);
                    }
                    i++;
                    continue;
                }
                int cp = original.codePointAt(i);
                String mapped = map(cp);
                for (int k = 0; k < mapped.length(); k++) {
                    char c = mapped.charAt(k);
                    if (c == ' ' && (length == 0 || out[length - 1] == ' ')) {
                        continue; // collapse whitespace runs, no leading space
                    }
                    append(c, i);
                }
                i += Character.charCount(cp);
            }
        }

        private void append(char c, int from) {
            if (length + 1 >= out.length) {
                out = Arrays.copyOf(out, out.length * 2);
                if (origin != null) {
                    origin = Arrays.copyOf(origin, out.length);
                }
            }
            if (origin != null) {
                origin[length] = from;
            }
            out[length++] = c;
        }

        String text() {
            return new String(out, 0, length);
        }
    }

    /** The normal form of a phrase written in a rule, so that rules and messages meet on the same ground. */
    public static String normalise(String phrase) {
        return of(phrase).text().strip();
    }

    public String original() {
        return original;
    }

    public String text() {
        return text;
    }

    /** Where the normalised char at {@code index} came from in the original. */
    public int originalStart(int index) {
        return origin[index];
    }

    /** The original end (exclusive) of the normalised range ending (exclusive) at {@code end}. */
    public int originalEnd(int end) {
        if (end <= 0) {
            return 0;
        }
        int start = origin[end - 1];
        return start + Character.charCount(original.codePointAt(start));
    }

    /** The mapping of each ASCII char, made once: mail text is mostly ASCII, and a String per char is costly. */
    private static final String[] ASCII = new String[0x80];
    /** The same mapping as one char, 0 where the char is dropped. */
    private static final char[] ASCII_CHAR = new char[0x80];

    static {
        for (int cp = 0; cp < 0x80; cp++) {
            if (cp >= 'A' && cp <= 'Z') {
                ASCII[cp] = String.valueOf((char) (cp + 32));
            } else if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0x0b) {
                ASCII[cp] = " ";
            } else {
                ASCII[cp] = cp < 0x20 || cp == 0x7f ? "" : String.valueOf((char) cp);
            }
            ASCII_CHAR[cp] = ASCII[cp].isEmpty() ? 0 : ASCII[cp].charAt(0);
        }
    }

    private static String map(int cp) {
        if (cp < 0x80) {
            return ASCII[cp];
        }
        if (cp < 0x10000) {
            String cached = BMP.get(cp);
            if (cached == null) {
                cached = compute(cp);
                BMP.set(cp, cached);
            }
            return cached;
        }
        return compute(cp);
    }

    private static String compute(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL || type == Character.SURROGATE) {
            return ""; // zero-width space and joiners, soft hyphen, BOM, direction marks
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return " ";
        }
        // Lower-case first: skeletons map capital I-like letters to "l", lower-case ones to "i".
        String lower = new String(Character.toChars(Character.toLowerCase(cp)));
        String compatible =
                stripMarks(Normalizer.normalize(lower, Normalizer.Form.NFKD)).toLowerCase(Locale.ROOT);
        if (isAscii(compatible) && !compatible.isEmpty()) {
            return compatible; // fullwidth and styled letters, accented Latin letters
        }
        if (Character.isLetter(cp)) {
            String skeleton = stripMarks(Normalizer.normalize(SPOOF.getSkeleton(lower), Normalizer.Form.NFKD));
            if (isAscii(skeleton) && !skeleton.isEmpty()) {
                return skeleton.toLowerCase(Locale.ROOT); // Cyrillic and Greek look-alikes of Latin letters
            }
        }
        return compatible.isEmpty() ? lower : compatible; // other scripts and symbols (€) as they are
    }

    private static String stripMarks(String decomposed) {
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
