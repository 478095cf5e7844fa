package fr.vigie.web;

import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Kind;
import fr.vigie.orient.Priority;
import fr.vigie.report.Indicator;
import fr.vigie.report.ReportSummary;
import fr.vigie.report.Status;
import fr.vigie.store.Store;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What the console's pages show, as records made from the store's: dates, statuses and schemes in words. */
public final class ConsoleView {
    private ConsoleView() {}

    /** Who is signed in, and the anti-forgery token the console's forms carry. */
    public record User(String name, String role, String csrf) {}

    /** A status the status form offers. */
    public record Choice(String id, String label, boolean selected) {}

    public record QueueRow(
            String id,
            String received,
            String status,
            String schemes,
            String verdict,
            int priority,
            List<Priority.Factor> factors) {}

    public record CampaignRow(
            String id,
            int reports,
            long victims,
            long minors,
            String losses,
            String firstSeen,
            String lastSeen,
            String schemes) {}

    /** An identifier shown with the link to its look-up. */
    public record IdentifierLink(String kind, String value, String href, long reports) {}

    public record CampaignPage(
            CampaignRow figures, String countries, List<IdentifierLink> shared, List<String> reports) {}

    public record Lookup(
            String kind,
            String value,
            long reports,
            long victims,
            String firstSeen,
            String lastSeen,
            String losses,
            String countries,
            List<String> reportIds,
            List<String> campaigns,
            String neverLinked) {}

    public record SearchRow(String id, String received, String status, String schemes, String verdict) {}

    static DateTimeFormatter dates(Lang lang) {
        return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", lang.locale())
                .withZone(ZoneOffset.UTC);
    }

    static String status(Texts t, Status status) {
        return t.get("web.status." + status.id());
    }

    static List<Choice> statuses(Texts t, Status current) {
        return Arrays.stream(Status.values())
                .map(s -> new Choice(s.id(), status(t, s), s == current))
                .toList();
    }

    static String schemes(Texts t, List<String> schemes) {
        return schemes.stream()
                .map(s -> t.has("scheme." + s) ? t.get("scheme." + s) : s)
                .collect(Collectors.joining(", "));
    }

    static String kind(Texts t, Kind kind) {
        return t.has("kind." + kind.id()) ? t.get("kind." + kind.id()) : kind.id();
    }

    static String lookupHref(Kind kind, String value, Lang lang) {
        return "/console/lookup?kind=" + kind.id() + "&value=" + URLEncoder.encode(value, StandardCharsets.UTF_8)
                + "&lang=" + lang.id();
    }

    static String losses(Map<String, BigDecimal> byCurrency, Lang lang) {
        if (byCurrency.isEmpty()) {
            return "—";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(lang.locale());
        format.setMaximumFractionDigits(2);
        return byCurrency.entrySet().stream()
                .map(e -> format.format(e.getValue()) + " " + e.getKey())
                .collect(Collectors.joining(" · "));
    }

    static QueueRow queueRow(ReportSummary s, Priority priority, Texts t, Lang lang) {
        return new QueueRow(
                s.id(),
                dates(lang).format(s.receivedAt()),
                status(t, s.status()),
                schemes(t, s.schemes()),
                s.verdict().map(v -> t.get("web.verdict." + v.id() + ".title")).orElse("—"),
                priority.score(),
                priority.factors());
    }

    static SearchRow searchRow(ReportSummary s, Texts t, Lang lang) {
        return new SearchRow(
                s.id(),
                dates(lang).format(s.receivedAt()),
                status(t, s.status()),
                schemes(t, s.schemes()),
                s.verdict().map(v -> t.get("web.verdict." + v.id() + ".title")).orElse("—"));
    }

    static CampaignRow campaignRow(Store.CampaignFigures c, Texts t, Lang lang) {
        DateTimeFormatter dates = dates(lang);
        return new CampaignRow(
                c.id(),
                c.reportCount(),
                c.victims(),
                c.minors(),
                losses(c.losses(), lang),
                dates.format(c.firstSeen()),
                dates.format(c.lastSeen()),
                schemes(t, List.copyOf(c.schemes().keySet())));
    }

    static CampaignPage campaignPage(Store.CampaignFigures c, Texts t, Lang lang) {
        List<IdentifierLink> shared = c.topIdentifiers().stream()
                .map(e -> new IdentifierLink(
                        kind(t, e.getKey().kind()),
                        e.getKey().value(),
                        lookupHref(e.getKey().kind(), e.getKey().value(), lang),
                        e.getValue()))
                .toList();
        return new CampaignPage(campaignRow(c, t, lang), String.join(", ", c.countries()), shared, c.reports());
    }

    static Lookup lookup(Indicator indicator, String neverLinked, Texts t, Lang lang) {
        DateTimeFormatter dates = dates(lang);
        Identifier id = indicator.identifier();
        return new Lookup(
                kind(t, id.kind()),
                id.display(),
                indicator.reportCount(),
                indicator.victims(),
                indicator.firstSeen().map(dates::format).orElse("—"),
                indicator.lastSeen().map(dates::format).orElse("—"),
                losses(indicator.lossesByCurrency(), lang),
                String.join(", ", indicator.countries()),
                indicator.reports(),
                indicator.campaigns(),
                neverLinked);
    }

    static String at(Instant instant, Lang lang) {
        return dates(lang).format(instant);
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
