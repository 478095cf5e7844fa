package fr.vigie.report;

import fr.vigie.identifier.Identifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reports say of one identifier: how many carry it, how many distinct victims (an anonymous report counts
 * as one), first and last seen, the declared losses by currency, the victims' countries, and the reports themselves
 * (newest first, as many as asked) and their campaigns.
 */
public record Indicator(
        Identifier identifier,
        long reportCount,
        long victims,
        Optional<Instant> firstSeen,
        Optional<Instant> lastSeen,
        Map<String, BigDecimal> lossesByCurrency,
        List<String> countries,
        List<String> reports,
        List<String> campaigns) {
    public Indicator {
        campaigns = List.copyOf(campaigns);
        lossesByCurrency = Map.copyOf(lossesByCurrency);
        countries = List.copyOf(countries);
        reports = List.copyOf(reports);
    }
}
