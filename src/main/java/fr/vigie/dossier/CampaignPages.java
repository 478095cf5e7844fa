package fr.vigie.dossier;

import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.identifier.Identifiers;
import fr.vigie.link.Decision;
import fr.vigie.link.Explanations;
import fr.vigie.report.Loss;
import fr.vigie.report.Report;
import fr.vigie.report.Report.StoredIdentifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sections of an investigator's campaign dossier. The reports are listed as they are read (one at a time, never
 * all in memory), and what the summary needs from them — originating IPs, sending infrastructure, losses by payment
 * method — is counted on the way; the summary is then drawn and its pages moved to the front.
 */
final class CampaignPages {
    /** How many rows each infrastructure table shows (the most frequent first). */
    private static final int TOP = 25;
    /** The template excerpt shown, in characters. */
    static final int EXCERPT = 1_500;

    private final Pages pages;
    private final Words words;
    private final Texts texts;
    private final Lang lang;
    private final Identifiers identifiers;

    private final Map<String, Long> ipCounts = new HashMap<>();
    private final Map<String, Set<String>> ipNames = new HashMap<>();
    private final Map<String, Long> senderDomains = new HashMap<>();
    private final Map<String, Long> returnPathDomains = new HashMap<>();
    private final Map<String, Long> clients = new HashMap<>();
    private final Map<String, Long> messageIdDomains = new HashMap<>();
    private final Map<String, Map<String, BigDecimal>> lossesByMethod = new TreeMap<>();

    CampaignPages(Pages pages, Lang lang, Identifiers identifiers) {
        this.pages = pages;
        this.words = Words.of(lang);
        this.texts = Texts.of(lang);
        this.lang = lang;
        this.identifiers = identifiers;
    }

    /** Draws the list of reports; returns how many were listed. */
    int drawReports(CampaignDossier c) {
        pages.newPage();
        pages.heading(words.get("campaign.list"));
        Pages.Table table = pages.table(
                new float[] {60, 92, 64, 36, 46, 58, 68, Pages.WIDTH - 424},
                new String[] {
                    words.get("campaign.col.received"),
                    words.get("campaign.col.report"),
                    words.get("campaign.col.victim"),
                    words.get("campaign.col.country"),
                    words.get("campaign.col.channel"),
                    words.get("campaign.col.loss"),
                    words.get("campaign.col.ip"),
                    words.get("campaign.col.verdict")
                },
                7.5f);
        int[] listed = {0};
        c.reports().forEach(r -> {
            listed[0]++;
            table.row(row(r));
        });
        table.end();
        if (c.reportCount() > listed[0]) {
            pages.paragraph(words.get("campaign.list.more", Formats.count(c.reportCount() - listed[0], lang), c.id()));
        }
        return listed[0];
    }

    private String[] row(Report r) {
        List<MessageFacts> facts = r.evidence().stream()
                .map(e -> MessageFacts.read(e.analysisJson()))
                .toList();
        String ip = "";
        for (MessageFacts f : facts) {
            if (f.origin().isPresent() && ip.isEmpty()) {
                ip = f.origin().get().ip();
            }
            count(f);
        }
        Map<String, BigDecimal> lost = new TreeMap<>();
        for (Loss loss : r.losses()) {
            lost.merge(loss.currency(), loss.amount(), BigDecimal::add);
            lossesByMethod
                    .computeIfAbsent(loss.method().id(), m -> new TreeMap<>())
                    .merge(loss.currency(), loss.amount(), BigDecimal::add);
        }
        List<String> amounts = new ArrayList<>();
        lost.forEach((currency, amount) -> amounts.add(Formats.money(amount, currency, lang)));
        return new String[] {
            Formats.minute(r.receivedAt()),
            r.id(),
            r.reporterPseudonym().orElse(words.get("campaign.anonymous")),
            r.situation().country(),
            words.get("channel." + r.channel().id()),
            String.join("\n", amounts),
            ip,
            r.verdict()
                    .map(v -> words.get("verdict.short." + v.id()) + " " + r.score())
                    .orElse("")
        };
    }

    private void count(MessageFacts f) {
        f.origin().ifPresent(o -> {
            ipCounts.merge(o.ip(), 1L, Long::sum);
            Set<String> names = ipNames.computeIfAbsent(o.ip(), k -> new LinkedHashSet<>());
            if (names.size() < 3) {
                o.reverseDns().ifPresent(names::add);
                o.helo().ifPresent(names::add);
            }
        });
        f.fromDomain().ifPresent(d -> senderDomains.merge(d, 1L, Long::sum));
        f.returnPathDomain().ifPresent(d -> returnPathDomains.merge(d, 1L, Long::sum));
        f.sendingClient().ifPresent(d -> clients.merge(d, 1L, Long::sum));
        f.messageIdDomain().ifPresent(d -> messageIdDomains.merge(d, 1L, Long::sum));
    }

    /** Draws the summary: figures, losses, timeline, identifiers and links, infrastructure, template. */
    void drawSummary(CampaignDossier c, Instant generatedAt) {
        pages.newPage();
        pages.title(words.get("campaign.title"));
        pages.subheading(words.get("campaign.subtitle", c.id(), Formats.count(c.reportCount(), lang)));
        pages.small(words.get("campaign.generated", Formats.dateTime(generatedAt)));

        pages.heading(words.get("campaign.summary"));
        pages.field(words.get("campaign.reports"), Formats.count(c.reportCount(), lang));
        pages.field(words.get("campaign.victims"), Formats.count(c.victims(), lang));
        pages.field(words.get("campaign.minors"), Formats.count(c.minors(), lang));
        pages.field(words.get("campaign.firstSeen"), Formats.dateTime(c.firstSeen()));
        pages.field(words.get("campaign.lastSeen"), Formats.dateTime(c.lastSeen()));
        pages.field(words.get("campaign.countries"), String.join(", ", c.countries()));
        List<String> schemes = new ArrayList<>();
        new TreeMap<>(c.schemes())
                .forEach((s, n) -> schemes.add(
                        texts.get("scheme." + s) + (lang == Lang.FR ? " : " : ": ") + Formats.count(n, lang)));
        pages.field(words.get("campaign.schemes"), schemes.isEmpty() ? words.get("none") : String.join("\n", schemes));

        pages.heading(words.get("campaign.losses"));
        if (c.losses().isEmpty()) {
            pages.paragraph(words.get("losses.none"));
        }
        new TreeMap<>(c.losses())
                .forEach((currency, total) -> pages.field(currency, Formats.money(total, currency, lang)));
        if (!lossesByMethod.isEmpty()) {
            pages.subheading(words.get("campaign.losses.byMethod"));
            lossesByMethod.forEach((method, byCurrency) -> {
                List<String> amounts = new ArrayList<>();
                byCurrency.forEach((currency, amount) -> amounts.add(Formats.money(amount, currency, lang)));
                pages.field(words.get("method." + method), String.join("\n", amounts));
            });
        }

        timeline(c);
        shared(c);
        infrastructure();
        template(c);
    }

    private void timeline(CampaignDossier c) {
        pages.heading(words.get("campaign.timeline"));
        LocalDate first = LocalDate.ofInstant(c.firstSeen(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(c.lastSeen(), ZoneOffset.UTC);
        List<Map.Entry<String, Long>> bars = new ArrayList<>();
        if (!last.isAfter(first.plusDays(31))) {
            pages.subheading(words.get("campaign.timeline.byDay"));
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                bars.add(Map.entry(d.toString(), c.timeline().getOrDefault(d, 0L)));
            }
        } else {
            pages.subheading(words.get("campaign.timeline.byMonth"));
            Map<YearMonth, Long> months = new TreeMap<>();
            for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
                months.put(m, 0L);
            }
            c.timeline().forEach((d, n) -> months.merge(YearMonth.from(d), n, Long::sum));
            months.forEach((m, n) -> bars.add(Map.entry(m.toString(), n)));
        }
        pages.bars(bars);
    }

    private void shared(CampaignDossier c) {
        pages.heading(words.get("campaign.identifiers"));
        if (c.sharedIdentifiers().isEmpty()) {
            pages.paragraph(words.get("campaign.identifiers.none"));
            return;
        }
        Pages.Table table = pages.table(
                new float[] {80, Pages.WIDTH - 165, 85},
                new String[] {
                    words.get("identifiers.kind"),
                    words.get("identifiers.value"),
                    words.get("campaign.identifiers.reports")
                },
                9);
        List<String> links = new ArrayList<>();
        Explanations explanations = Explanations.of(lang);
        for (Map.Entry<StoredIdentifier, Long> e : c.sharedIdentifiers()) {
            StoredIdentifier id = e.getKey();
            table.row(
                    texts.get("kind." + id.kind().id()),
                    VictimPages.display(identifiers, id),
                    Formats.count(e.getValue(), lang));
            try {
                identifiers
                        .parseAny(id.value())
                        .filter(parsed -> parsed.kind() == id.kind())
                        .ifPresent(parsed ->
                                links.add(explanations.link(new Decision.Links(parsed, e.getValue(), 1.0, true))));
            } catch (RuntimeException ignored) {
                // a value the parser no longer reads has no sentence; it is still in the table
            }
        }
        table.end();
        if (!links.isEmpty()) {
            pages.subheading(words.get("campaign.links"));
            links.forEach(pages::bullet);
        }
    }

    private void infrastructure() {
        pages.heading(words.get("campaign.infrastructure"));
        pages.subheading(words.get("campaign.ips"));
        if (ipCounts.isEmpty()) {
            pages.paragraph(words.get("campaign.ips.none"));
        } else {
            Pages.Table table = pages.table(
                    new float[] {130, Pages.WIDTH - 215, 85},
                    new String[] {words.get("campaign.ip"), words.get("campaign.ip.names"), words.get("campaign.count")
                    },
                    9);
            for (Map.Entry<String, Long> e : top(ipCounts)) {
                table.row(
                        e.getKey(),
                        String.join(", ", ipNames.getOrDefault(e.getKey(), Set.of())),
                        Formats.count(e.getValue(), lang));
            }
            table.end();
            more(ipCounts);
        }
        counts("campaign.senders", senderDomains);
        counts("campaign.returnPaths", returnPathDomains);
        counts("campaign.clients", clients);
        counts("campaign.messageIds", messageIdDomains);
    }

    private void counts(String title, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        pages.subheading(words.get(title));
        Pages.Table table =
                pages.table(new float[] {Pages.WIDTH - 85, 85}, new String[] {"", words.get("campaign.count")}, 9);
        for (Map.Entry<String, Long> e : top(counts)) {
            table.row(e.getKey(), Formats.count(e.getValue(), lang));
        }
        table.end();
        more(counts);
    }

    private void more(Map<String, Long> counts) {
        if (counts.size() > TOP) {
            pages.small("… +" + Formats.count(counts.size() - TOP, lang));
        }
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .toList();
    }

    private void template(CampaignDossier c) {
        pages.heading(words.get("campaign.template"));
        if (c.template().isEmpty()) {
            pages.paragraph(words.get("campaign.template.none"));
            return;
        }
        CampaignDossier.TemplateExcerpt t = c.template().get();
        pages.small(words.get("campaign.template.from", t.reportId()));
        String text = t.text().strip();
        pages.paragraph(text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + " […]");
    }
}
