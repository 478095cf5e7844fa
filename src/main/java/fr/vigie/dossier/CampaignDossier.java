package fr.vigie.dossier;

import fr.vigie.report.Report;
import fr.vigie.report.Report.StoredIdentifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an investigator's campaign dossier is made of: the campaign's figures, its shared identifiers with how many
 * reports carry each, an excerpt of its message template, and its reports, read a page at a time while the dossier
 * is written (a campaign may hold thousands).
 *
 * @param reportCount how many reports the campaign holds; {@code reports} gives at most {@code listed} of them
 * @param reports the reports, oldest first, handed over one at a time
 */
public record CampaignDossier(
        String id,
        int reportCount,
        long victims,
        long minors,
        Map<String, BigDecimal> losses,
        Instant firstSeen,
        Instant lastSeen,
        List<String> countries,
        Map<String, Long> schemes,
        List<Map.Entry<StoredIdentifier, Long>> sharedIdentifiers,
        Map<LocalDate, Long> timeline,
        Optional<TemplateExcerpt> template,
        int listed,
        ReportSource reports) {

    public CampaignDossier {
        losses = Map.copyOf(losses);
        countries = List.copyOf(countries);
        schemes = Map.copyOf(schemes);
        sharedIdentifiers = List.copyOf(sharedIdentifiers);
        timeline = Map.copyOf(timeline);
    }

    /** The text of a message the campaign sent, and the report it came from. */
    public record TemplateExcerpt(String reportId, String text) {}

    /** The campaign's reports, oldest first, read by their holder a page at a time. */
    @FunctionalInterface
    public interface ReportSource {
        void forEach(Consumer<Report> each);
    }
}
