package fr.vigie.dossier;

import java.io.IOException;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Text laid out on A4 pages, top to bottom: titles, headings, wrapped paragraphs, label–value fields, bullets,
 * table rows and bars. Long texts wrap at spaces, and a word wider than the column is broken wherever it must, so
 * nothing is ever cut off; a page ends when the next line would not fit. Footers with page numbers are added once
 * every page exists ({@link #footers}). Not thread-safe.
 */
final class Pages {
    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN = 50;
    static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;
    private static final float TOP = SIZE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 16; // the footer sits below
    static final float BODY = 10;
    private static final float LABEL_WIDTH = 150;
    private static final float[] HEADING_COLOUR = {0.10f, 0.20f, 0.45f};

    private final PDDocument doc;
    final Typeface regular;
    final Typeface bold;
    private PDPageContentStream out;
    private float y;
    private Runnable onNewPage = () -> {};

    Pages(PDDocument doc, Typeface regular, Typeface bold) {
        this.doc = doc;
        this.regular = regular;
        this.bold = bold;
    }

    void newPage() {
        try {
            closePage();
            PDPage page = new PDPage(SIZE);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = TOP;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        onNewPage.run();
    }

    /** Ends the page being written (before the document is saved or its pages moved). */
    void closePage() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    void title(String text) {
        lines(bold, 17, text, MARGIN, WIDTH, HEADING_COLOUR);
        gap(4);
    }

    void heading(String text) {
        gap(10);
        need(14 * 1.3f + 3 * BODY * 1.3f); // a heading never ends a page
        lines(bold, 13, text, MARGIN, WIDTH, HEADING_COLOUR);
        gap(2);
    }

    void subheading(String text) {
        gap(4);
        need(BODY * 1.3f * 3);
        lines(bold, 10.5f, text, MARGIN, WIDTH, null);
    }

    void paragraph(String text) {
        lines(regular, BODY, text, MARGIN, WIDTH, null);
        gap(3);
    }

    void small(String text) {
        lines(regular, 8.5f, text, MARGIN, WIDTH, null);
        gap(2);
    }

    /** A label in bold on the left, its value wrapped on the right. */
    void field(String label, String value) {
        row(
                new float[] {LABEL_WIDTH, WIDTH - LABEL_WIDTH},
                new String[] {label, value},
                new boolean[] {true, false},
                BODY);
    }

    /** A field whose value must stay on one line if it can (a SHA-256): the value in a smaller size. */
    void codeField(String label, String value) {
        need(BODY * 1.3f * 2);
        float top = y;
        row(new float[] {LABEL_WIDTH}, new String[] {label}, new boolean[] {true}, BODY);
        float afterLabel = y;
        y = top - 1.5f; // the smaller value sits on the label's baseline
        row(new float[] {LABEL_WIDTH, WIDTH - LABEL_WIDTH}, new String[] {"", value}, new boolean[] {false, false}, 8);
        y = Math.min(y, afterLabel);
    }

    /** Wide enough for "15." in bold: a narrower column wrapped the dot of two-digit numbers onto the next line. */
    private static final float NUMBER_COLUMN = 30;

    /** A numbered item: its title in bold, then its details. */
    void numbered(String number, String title, String details) {
        need(BODY * 1.3f * 3);
        row(
                new float[] {NUMBER_COLUMN, WIDTH - NUMBER_COLUMN},
                new String[] {number, title},
                new boolean[] {true, true},
                BODY);
        if (!details.isBlank()) {
            gap(-2);
            row(
                    new float[] {NUMBER_COLUMN, WIDTH - NUMBER_COLUMN},
                    new String[] {"", details},
                    new boolean[] {false, false},
                    BODY);
        }
        gap(3);
    }

    void bullet(String text) {
        bullet("•", text);
    }

    void bullet(String mark, String text) {
        row(new float[] {16, WIDTH - 16}, new String[] {mark, text}, new boolean[] {false, false}, BODY);
    }

    void gap(float points) {
        y -= points;
    }

    /** Starts a new page unless {@code height} points are left on this one. */
    void need(float height) {
        if (out == null || y - height < BOTTOM) {
            newPage();
        }
    }

    /** A table: its header row, drawn again at the top of each page it runs onto. */
    Table table(float[] widths, String[] headers, float size) {
        return new Table(widths, headers, size);
    }

    final class Table {
        private final float[] widths;
        private final float size;
        private final String[] headers;

        private Table(float[] widths, String[] headers, float size) {
            this.widths = widths.clone();
            this.size = size;
            this.headers = headers.clone();
            header();
            onNewPage = this::header;
        }

        private void header() {
            need(size * 1.3f * 3 + 6); // a header never ends a page without a row under it
            boolean[] allBold = new boolean[headers.length];
            java.util.Arrays.fill(allBold, true);
            Pages.this.row(widths, headers, allBold, size);
            rule();
        }

        void row(String... cells) {
            Pages.this.row(widths, cells, new boolean[cells.length], size);
        }

        /** The table is over: a new page no longer repeats its header. */
        void end() {
            onNewPage = () -> {};
            gap(4);
        }
    }

    /** A thin line across the column. */
    void rule() {
        try {
            out.setLineWidth(0.4f);
            out.setStrokingColor(0.6f, 0.6f, 0.6f);
            out.moveTo(MARGIN, y + 2);
            out.lineTo(MARGIN + WIDTH, y + 2);
            out.stroke();
            gap(3);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Horizontal bars: a label, a bar in proportion to the largest value, the value. */
    void bars(List<java.util.Map.Entry<String, Long>> entries) {
        long max =
                entries.stream().mapToLong(java.util.Map.Entry::getValue).max().orElse(1);
        float labelWidth = 70;
        float barSpace = WIDTH - labelWidth - 50;
        float lineHeight = 11;
        for (var entry : entries) {
            need(lineHeight);
            try {
                text(regular, 8.5f, regular.clean(entry.getKey()), MARGIN, y - 8.5f, null);
                float length = Math.max(1, barSpace * entry.getValue() / (float) Math.max(1, max));
                out.setNonStrokingColor(HEADING_COLOUR[0] + 0.3f, HEADING_COLOUR[1] + 0.3f, HEADING_COLOUR[2] + 0.3f);
                out.addRect(MARGIN + labelWidth, y - 8.5f, length, 7.5f);
                out.fill();
                out.setNonStrokingColor(0f, 0f, 0f);
                text(regular, 8.5f, Long.toString(entry.getValue()), MARGIN + labelWidth + length + 4, y - 8.5f, null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            y -= lineHeight;
        }
        gap(4);
    }

    /**
     * One row of cells side by side, each wrapped in its column. A row that fits on a page is never split; a taller
     * one (a very long value) runs on across pages line by line.
     */
    void row(float[] widths, String[] cells, boolean[] bolds, float size) {
        float lineHeight = size * 1.3f;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int c = 0; c < cells.length; c++) {
            Typeface face = bolds[c] ? bold : regular;
            List<String> cell = wrap(face, size, face.clean(cells[c]), widths[c] - 6);
            wrapped.add(cell);
            lines = Math.max(lines, cell.size());
        }
        float height = lines * lineHeight + 2;
        if (height <= TOP - BOTTOM) {
            need(height);
        }
        for (int line = 0; line < lines; line++) {
            need(lineHeight);
            float x = MARGIN;
            for (int c = 0; c < cells.length; c++) {
                List<String> cell = wrapped.get(c);
                if (line < cell.size()) {
                    text(bolds[c] ? bold : regular, size, cell.get(line), x, y - size, null);
                }
                x += widths[c];
            }
            y -= lineHeight;
        }
        gap(2);
    }

    private void lines(Typeface face, float size, String text, float x, float width, float[] colour) {
        float lineHeight = size * 1.3f;
        for (String line : wrap(face, size, face.clean(text), width)) {
            need(lineHeight);
            text(face, size, line, x, y - size, colour);
            y -= lineHeight;
        }
    }

    private void text(Typeface face, float size, String line, float x, float baseline, float[] colour) {
        if (line.isEmpty()) {
            return;
        }
        try {
            out.beginText();
            if (colour != null) {
                out.setNonStrokingColor(colour[0], colour[1], colour[2]);
            }
            out.setFont(face.pdf, size);
            out.newLineAtOffset(x, baseline);
            out.showText(visual(line));
            out.endText();
            if (colour != null) {
                out.setNonStrokingColor(0f, 0f, 0f);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A cleaned text cut into lines no wider than {@code width}: at its line breaks, then at spaces, and inside a
     * word only when the word alone is wider than the column (a link, a hash, a line of a thousand letters).
     */
    static List<String> wrap(Typeface face, float size, String text, float width) {
        List<String> lines = new ArrayList<>();
        float max = width * 1000f / size;
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            int i = 0;
            while (i < paragraph.length()) {
                int end = paragraph.indexOf(' ', i);
                end = end < 0 ? paragraph.length() : end;
                String word = paragraph.substring(i, end);
                float wordWidth = 0;
                for (int k = 0; k < word.length(); ) {
                    int cp = word.codePointAt(k);
                    k += Character.charCount(cp);
                    wordWidth += face.advance(cp);
                }
                float space = line.isEmpty() ? 0 : face.advance(' ');
                if (lineWidth + space + wordWidth <= max) {
                    if (!line.isEmpty()) {
                        line.append(' ');
                    }
                    line.append(word);
                    lineWidth += space + wordWidth;
                } else if (wordWidth <= max) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                    lineWidth = wordWidth;
                } else {
                    // a word wider than the column: filled to the edge, line after line
                    if (!line.isEmpty()) {
                        line.append(' ');
                        lineWidth += space;
                    }
                    for (int k = 0; k < word.length(); ) {
                        int cp = word.codePointAt(k);
                        k += Character.charCount(cp);
                        float advance = face.advance(cp);
                        if (lineWidth + advance > max && !line.isEmpty()) {
                            lines.add(line.toString());
                            line.setLength(0);
                            lineWidth = 0;
                        }
                        line.appendCodePoint(cp);
                        lineWidth += advance;
                    }
                }
                i = end + 1;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** A line in the order its letters are seen: right-to-left runs (Arabic, Hebrew) reversed. */
    static String visual(String line) {
        char[] chars = line.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) {
            return line;
        }
        Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        Integer[] order = new Integer[runs];
        for (int r = 0; r < runs; r++) {
            levels[r] = (byte) bidi.getRunLevel(r);
            order[r] = r;
        }
        Bidi.reorderVisually(levels, 0, order, 0, runs);
        StringBuilder out = new StringBuilder(line.length());
        for (Integer r : order) {
            String run = line.substring(bidi.getRunStart(r), bidi.getRunLimit(r));
            out.append((bidi.getRunLevel(r) & 1) == 1 ? new StringBuilder(run).reverse() : run);
        }
        return out.toString();
    }

    /** Adds to every page, once all exist: {@code left} on the left, "page n / N" on the right. */
    void footers(String left, Words words) throws IOException {
        closePage();
        int count = doc.getNumberOfPages();
        String cleanLeft = regular.clean(left);
        int n = 0;
        for (PDPage page : doc.getPages()) {
            n++;
            try (PDPageContentStream footer =
                    new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String number = regular.clean(words.get("footer.page", Integer.toString(n), Integer.toString(count)));
                footer.setNonStrokingColor(0.35f, 0.35f, 0.35f);
                footer.beginText();
                footer.setFont(regular.pdf, 7.5f);
                footer.newLineAtOffset(MARGIN, MARGIN - 8);
                footer.showText(visual(fit(cleanLeft, 7.5f, WIDTH - 70)));
                footer.endText();
                footer.beginText();
                footer.newLineAtOffset(MARGIN + WIDTH - regular.width(number, 7.5f), MARGIN - 8);
                footer.showText(number);
                footer.endText();
            }
        }
    }

    /** The text cut with an ellipsis to fit {@code width} (a footer has one line). */
    private String fit(String text, float size, float width) {
        if (regular.width(text, size) <= width) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        float used = regular.width("…", size);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            used += regular.advance(cp) * size / 1000f;
            if (used > width) {
                break;
            }
            out.appendCodePoint(cp);
        }
        return out.append('…').toString();
    }
}
