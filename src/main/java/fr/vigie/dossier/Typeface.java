package fr.vigie.dossier;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A DejaVu Sans face embedded (as a subset) in one document, with what it can draw. Every text goes through {@link
 * #clean} before it is measured or drawn: a character the font has no glyph for (an emoji, a control character, a
 * NUL) becomes the replacement glyph instead of failing the whole dossier. Not thread-safe: one per document.
 */
final class Typeface implements AutoCloseable {
    private static final byte[] REGULAR = resource("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("fonts/DejaVuSans-Bold.ttf");
    private static final ArabicShaping SHAPING = new ArabicShaping(ArabicShaping.LETTERS_SHAPE);

    final PDType0Font pdf;
    private final TrueTypeFont ttf;
    private final CmapLookup cmap;
    private final float unitsPerEm;
    private final int replacement;
    private final Map<Integer, Float> widths = new HashMap<>();

    private Typeface(PDDocument doc, byte[] bytes) throws IOException {
        this.ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        // No glyph substitution: "fi" stays two glyphs, so the text read back is the text written, and PDFBox does
        // not run its substitution pass on every line (it made a 1 MB narrative take 13 s instead of 1 s). Arabic
        // letters are joined by clean() instead.
        ttf.setEnableGsub(false);
        this.pdf = PDType0Font.load(doc, ttf, true);
        this.cmap = ttf.getUnicodeCmapLookup();
        this.unitsPerEm = ttf.getUnitsPerEm();
        this.replacement = cmap.getGlyphId(0xFFFD) > 0 ? 0xFFFD : '?';
    }

    static Typeface regular(PDDocument doc) throws IOException {
        return new Typeface(doc, REGULAR);
    }

    static Typeface bold(PDDocument doc) throws IOException {
        return new Typeface(doc, BOLD);
    }

    /**
     * The text as this face can draw it: line breaks kept as {@code \n}, tabs as spaces, invisible format characters
     * (zero-width, direction overrides) dropped, control characters and characters without a glyph replaced by
     * U+FFFD, Arabic letters in their joined forms.
     */
    String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean arabic = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') {
                    continue;
                }
                out.append('\n');
            } else if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (Character.getType(cp) == Character.FORMAT) {
                // dropped: invisible, and direction overrides would lie about the text's order
            } else if (Character.getType(cp) == Character.CONTROL
                    || Character.getType(cp) == Character.SURROGATE
                    || cmap.getGlyphId(cp) <= 0) {
                out.appendCodePoint(replacement);
            } else {
                arabic |= cp >= 0x0600 && cp <= 0x06FF;
                out.appendCodePoint(cp);
            }
        }
        return arabic ? shaped(out.toString()) : out.toString();
    }

    /** Arabic letters in their initial, medial and final forms (PDFBox draws glyphs one by one, it does not join). */
    private String shaped(String text) {
        try {
            String shaped = SHAPING.shape(text);
            StringBuilder out = new StringBuilder(shaped.length());
            shaped.codePoints()
                    .forEach(cp ->
                            out.appendCodePoint(cp == '\n' || cp == ' ' || cmap.getGlyphId(cp) > 0 ? cp : replacement));
            return out.toString();
        } catch (ArabicShapingException e) {
            return text;
        }
    }

    /** The width in points of a cleaned text at {@code size}. */
    float width(String cleaned, float size) {
        float units = 0;
        for (int i = 0; i < cleaned.length(); ) {
            int cp = cleaned.codePointAt(i);
            i += Character.charCount(cp);
            units += advance(cp);
        }
        return units * size / 1000f;
    }

    /** The advance of one character in thousandths of the font size. */
    float advance(int cp) {
        Float known = widths.get(cp);
        if (known != null) {
            return known;
        }
        float width;
        try {
            width = ttf.getAdvanceWidth(Math.max(0, cmap.getGlyphId(cp))) * 1000f / unitsPerEm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        widths.put(cp, width);
        return width;
    }

    @Override
    public void close() throws IOException {
        ttf.close();
    }

    private static byte[] resource(String name) {
        try (InputStream in = Typeface.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the font " + name + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
