package fr.vigie.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.orient.Priority;
import fr.vigie.report.Report;
import fr.vigie.store.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A report as the analysts' page shows it: never the reporter's identity or contact (the report holds only a
 * pseudonym); the evidence with its SHA-256, the red flags and the header hops read from each message's stored
 * analysis, and the identifiers each linked to its look-up.
 */
public record ReportPage(
        String id,
        String received,
        String channel,
        String country,
        boolean minor,
        String pseudonym,
        String verdict,
        int score,
        String schemes,
        String narrative,
        List<String> losses,
        Optional<Store.Campaign> campaign,
        Priority priority,
        List<Evidence> evidence,
        List<Flag> flags,
        List<Hop> hops,
        List<ConsoleView.IdentifierLink> identifiers,
        StatusPanel status) {

    public record Evidence(int seq, String name, String type, long size, String sha256, String refusal, String href) {}

    public record Flag(String rule, String explanation, List<String> quotes) {}

    /** One {@code Received:} hop, oldest first as the analysis lists them. */
    public record Hop(
            int evidence,
            int number,
            String from,
            String ip,
            String by,
            String with,
            String date,
            String delay,
            String anomalies) {}

    /** The status, the form that changes it, and its history: the part htmx replaces after a change. */
    public record StatusPanel(
            String reportId, String current, List<ConsoleView.Choice> choices, List<Change> history, String error) {}

    public record Change(String status, String at, String actor, String note) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReportPage of(Report r, Optional<Store.Campaign> campaign, Priority priority, Lang lang) {
        Texts t = Texts.of(lang);
        List<Evidence> evidence = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        List<Hop> hops = new ArrayList<>();
        for (Report.StoredEvidence e : r.evidence()) {
            evidence.add(new Evidence(
                    e.seq(),
                    e.filename(),
                    e.mediaType(),
                    e.size(),
                    e.sha256(),
                    e.refusal().orElse(null),
                    "/api/reports/" + r.id() + "/evidence/" + e.seq()));
            e.analysisJson().flatMap(ReportPage::parse).ifPresent(analysis -> {
                for (JsonNode flag : analysis.path("redFlags")) {
                    List<String> quotes = new ArrayList<>();
                    flag.path("evidence")
                            .forEach(q -> quotes.add(oneLine(q.path("text").asText())));
                    flags.add(new Flag(
                            flag.path("id").asText(),
                            flag.path("explanation").asText(),
                            quotes.stream()
                                    .map(q -> q.toLowerCase(java.util.Locale.ROOT))
                                    .distinct()
                                    .limit(3)
                                    .toList()));
                }
                int n = 0;
                for (JsonNode hop : analysis.path("headers").path("hops")) {
                    List<String> anomalies = new ArrayList<>();
                    hop.path("anomalies")
                            .forEach(a -> anomalies.add(a.path("code").asText()));
                    hops.add(new Hop(
                            e.seq(),
                            ++n,
                            text(hop, "from")
                                    + (hop.hasNonNull("reverseDns") ? " (" + text(hop, "reverseDns") + ")" : ""),
                            text(hop, "ip"),
                            text(hop, "by"),
                            text(hop, "with"),
                            text(hop, "date"),
                            hop.hasNonNull("delaySeconds")
                                    ? hop.get("delaySeconds").asText() + " s"
                                    : "",
                            String.join(", ", anomalies)));
                }
            });
        }
        List<ConsoleView.IdentifierLink> identifiers = r.identifiers().stream()
                .map(i -> new ConsoleView.IdentifierLink(
                        ConsoleView.kind(t, i.kind()), i.value(), ConsoleView.lookupHref(i.kind(), i.value(), lang), 0))
                .toList();
        List<String> losses = r.losses().stream()
                .map(l -> l.amount().toPlainString() + " " + l.currency() + " · "
                        + (t.has("payment." + l.method().id())
                                ? t.get("payment." + l.method().id())
                                : l.method().id())
                        + l.paidOn().map(d -> " · " + d).orElse(""))
                .toList();
        return new ReportPage(
                r.id(),
                ConsoleView.at(r.receivedAt(), lang),
                t.has("web.channel." + r.channel().id())
                        ? t.get("web.channel." + r.channel().id())
                        : r.channel().id(),
                new java.util.Locale.Builder()
                        .setRegion(r.situation().country())
                        .build()
                        .getDisplayCountry(lang.locale()),
                r.situation().minor(),
                r.reporterPseudonym().orElse(t.get("console.report.anonymous")),
                r.verdict().map(v -> t.get("web.verdict." + v.id() + ".title")).orElse("—"),
                r.score(),
                ConsoleView.schemes(t, r.schemes()),
                r.narrative(),
                losses,
                campaign,
                priority,
                evidence,
                flags,
                hops,
                identifiers,
                status(r, lang, null));
    }

    static StatusPanel status(Report r, Lang lang, String error) {
        Texts t = Texts.of(lang);
        List<Change> history = r.history().stream()
                .map(h -> new Change(
                        ConsoleView.status(t, h.status()),
                        ConsoleView.at(h.at(), lang),
                        h.actor(),
                        h.note() == null ? "" : h.note()))
                .toList();
        return new StatusPanel(
                r.id(), ConsoleView.status(t, r.status()), ConsoleView.statuses(t, r.status()), history, error);
    }

    private static Optional<JsonNode> parse(String json) {
        try {
            return Optional.ofNullable(JSON.readTree(json));
        } catch (IOException e) {
            return Optional.empty(); // an unreadable stored analysis shows no flags rather than failing the page
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "";
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }
}
