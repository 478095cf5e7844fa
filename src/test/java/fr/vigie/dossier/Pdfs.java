package fr.vigie.dossier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** A PDF read back with PDFBox: its text, its fonts, where its glyphs were drawn. */
record Pdfs(byte[] bytes) {
    String text() {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of pages {@code from} to {@code to} (1-based, inclusive). */
    String text(int from, int to) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(from);
            stripper.setEndPage(to);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every run of whitespace made one space (a wrapped line reads as one). */
    String flatText() {
        return text().replaceAll("[\\s\\u00a0]+", " ");
    }

    int pages() {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every font every page uses. */
    List<PDFont> fonts() {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    /** The glyphs drawn outside their page (x or y beyond the media box): what would be cut off. */
    List<String> glyphsOffThePage() {
        List<String> outside = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    float width = text.getPageWidth();
                    float height = text.getPageHeight();
                    if (text.getX() < 0
                            || text.getX() + text.getWidth() > width + 0.5f
                            || text.getY() < 0
                            || text.getY() > height) {
                        outside.add(text.getUnicode() + "@" + text.getX() + "," + text.getY());
                    }
                }
            };
            stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outside;
    }
}
