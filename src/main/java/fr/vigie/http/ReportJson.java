package fr.vigie.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import fr.vigie.detect.Verdict;
import fr.vigie.report.Loss;
import fr.vigie.report.Report;
import fr.vigie.report.ReportSummary;
import java.util.List;

/** A stored report as JSON: what the victim and the analysts see; never the reporter's identity or contact. */
final class ReportJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportJson() {}

    static ObjectNode of(Report r) {
        ObjectNode node = NODES.objectNode();
        node.put("id", r.id());
        node.put("receivedAt", r.receivedAt().toString());
        node.put("source", r.source());
        node.put("status", r.status().id());
        ArrayNode history = node.putArray("history");
        for (Report.StatusChange c : r.history()) {
            ObjectNode change = history.addObject();
            change.put("status", c.status().id());
            change.put("at", c.at().toString());
            change.put("by", c.actor());
            if (c.note() != null) {
                change.put("note", c.note());
            }
        }
        node.put("minor", r.situation().minor());
        node.put("country", r.situation().country());
        node.put("lang", r.situation().lang().id());
        node.put("channel", r.channel().id());
        node.put("narrative", r.narrative());
        r.firstContact().ifPresent(d -> node.put("firstContact", d.toString()));
        r.lastContact().ifPresent(d -> node.put("lastContact", d.toString()));
        ArrayNode losses = node.putArray("losses");
        for (Loss l : r.losses()) {
            ObjectNode loss = losses.addObject();
            loss.put("amount", l.amount());
            loss.put("currency", l.currency());
            loss.put("method", l.method().id());
            l.paidOn().ifPresent(d -> loss.put("paidOn", d.toString()));
        }
        node.put("verdict", r.verdict().map(Verdict::id).orElse(null));
        node.put("score", r.score());
        ArrayNode schemes = node.putArray("schemes");
        r.schemes().forEach(schemes::add);
        ArrayNode identifiers = node.putArray("identifiers");
        for (Report.StoredIdentifier i : r.identifiers()) {
            ObjectNode id = identifiers.addObject();
            id.put("kind", i.kind().id());
            id.put("normalized", i.value());
            id.put("origin", i.origin().id());
        }
        ArrayNode evidence = node.putArray("evidence");
        for (Report.StoredEvidence e : r.evidence()) {
            ObjectNode item = evidence.addObject();
            item.put("seq", e.seq());
            item.put("sha256", e.sha256());
            item.put("size", e.size());
            item.put("filename", e.filename());
            item.put("mediaType", e.mediaType());
            item.put("receivedAt", e.receivedAt().toString());
            item.put("href", "/api/reports/" + r.id() + "/evidence/" + e.seq());
            e.refusal().ifPresent(code -> item.put("unreadable", code));
            // stored as vigie check --json wrote it: passed through, not parsed and written again
            e.analysisJson().ifPresent(json -> item.putRawValue("analysis", new RawValue(json)));
        }
        r.reporterPseudonym().ifPresent(p -> node.put("reporter", p));
        return node;
    }

    /** The analysts' priority: {@code score} (0–100) and {@code factors}, each {@code id}, {@code points}, {@code explanation}. */
    static ObjectNode priority(fr.vigie.orient.Priority priority) {
        ObjectNode node = NODES.objectNode();
        node.put("score", priority.score());
        ArrayNode factors = node.putArray("factors");
        priority.factors()
                .forEach(f -> factors.addObject()
                        .put("id", f.id())
                        .put("points", f.points())
                        .put("explanation", f.explanation()));
        return node;
    }

    static ObjectNode list(List<ReportSummary> reports, int limit, int offset) {
        ObjectNode node = NODES.objectNode();
        node.put("limit", limit);
        node.put("offset", offset);
        ArrayNode items = node.putArray("reports");
        for (ReportSummary r : reports) {
            ObjectNode item = items.addObject();
            item.put("id", r.id());
            item.put("receivedAt", r.receivedAt().toString());
            item.put("status", r.status().id());
            item.put("channel", r.channel().id());
            item.put("minor", r.minor());
            item.put("country", r.country());
            item.put("verdict", r.verdict().map(Verdict::id).orElse(null));
            item.put("score", r.score());
            ArrayNode schemes = item.putArray("schemes");
            r.schemes().forEach(schemes::add);
        }
        return node;
    }
}
