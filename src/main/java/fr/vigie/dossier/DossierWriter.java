package fr.vigie.dossier;

import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Identifiers;
import fr.vigie.rules.Bilingual;
import fr.vigie.rules.RuleSet;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Renders dossiers to PDF: {@link #write(VictimDossier, Lang, OutputStream)} for a victim's complaint, {@link
 * #write(CampaignDossier, Lang, OutputStream)} for an investigator. Pages are kept in a temporary file once they pass
 * {@link #IN_MEMORY} bytes, so a campaign of thousands of reports is written in little memory. Red flags are
 * explained in the dossier's language from the rule set, whatever language the report was analysed in.
 * Thread-safe: each call builds its own document.
 */
public final class DossierWriter {
    /** The page data kept in memory before the rest goes to a temporary file. */
    static final long IN_MEMORY = 4L << 20;

    private final Clock clock;
    private final Map<String, Bilingual> flagTexts;
    private final Identifiers identifiers = new Identifiers();

    /**
     * @param clock the generated-at time printed on every page
     * @param rules where the red flags' explanations are found in both languages
     */
    public DossierWriter(Clock clock, RuleSet rules) {
        this.clock = clock;
        Map<String, Bilingual> texts = new HashMap<>();
        rules.rules().forEach(rule -> texts.put(rule.id(), rule.explanation()));
        rules.composites().forEach(composite -> texts.put(composite.id(), composite.explanation()));
        this.flagTexts = Map.copyOf(texts);
    }

    /** The complaint-ready dossier of one report, for its victim. */
    public void write(VictimDossier dossier, Lang lang, OutputStream out) throws IOException {
        Instant now = clock.instant();
        try (PDDocument doc = newDocument(lang, now, "Vigie " + dossier.report().id());
                Typeface regular = Typeface.regular(doc);
                Typeface bold = Typeface.bold(doc)) {
            Pages pages = new Pages(doc, regular, bold);
            new VictimPages(pages, lang, identifiers, flagTexts).draw(dossier, now);
            pages.footers(
                    Words.of(lang).get("footer.report", dossier.report().id(), Formats.dateTime(now)), Words.of(lang));
            doc.save(out);
        }
    }

    /** The investigation dossier of a campaign; its reports are read one at a time while the pages are written. */
    public void write(CampaignDossier dossier, Lang lang, OutputStream out) throws IOException {
        Instant now = clock.instant();
        try (PDDocument doc = newDocument(lang, now, "Vigie " + dossier.id());
                Typeface regular = Typeface.regular(doc);
                Typeface bold = Typeface.bold(doc)) {
            Pages pages = new Pages(doc, regular, bold);
            CampaignPages campaign = new CampaignPages(pages, lang, identifiers);
            campaign.drawReports(dossier);
            pages.closePage();
            int listing = doc.getNumberOfPages();
            campaign.drawSummary(dossier, now);
            pages.closePage();
            toFront(doc, listing);
            pages.footers(Words.of(lang).get("footer.campaign", dossier.id(), Formats.dateTime(now)), Words.of(lang));
            doc.save(out);
        }
    }

    /** Moves the pages after the first {@code listing} ones to the front, in their order. */
    private static void toFront(PDDocument doc, int listing) {
        List<PDPage> all = new ArrayList<>();
        doc.getPages().forEach(all::add);
        PDPage first = all.get(0);
        for (PDPage page : all.subList(listing, all.size())) {
            doc.getPages().remove(page);
            doc.getPages().insertBefore(page, first);
        }
    }

    private static PDDocument newDocument(Lang lang, Instant now, String title) {
        PDDocument doc = new PDDocument(MemoryUsageSetting.setupMixed(IN_MEMORY).streamCache);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Vigie");
        info.setProducer("Vigie");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(now.toEpochMilli());
        info.setCreationDate(created);
        doc.getDocumentCatalog().setLanguage(lang.id());
        return doc;
    }
}
