package fr.vigie.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Identifiers;
import fr.vigie.link.Decision;
import fr.vigie.link.Explanations;
import fr.vigie.report.Report.StoredIdentifier;
import fr.vigie.store.Store;
import java.util.List;
import java.util.Map;

/** A campaign as JSON: {@code GET /api/campaigns[/{id}]} and {@code vigie campaigns --json}. */
public final class CampaignJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Identifiers IDENTIFIERS = new Identifiers();

    private CampaignJson() {}

    /** The figures of a campaign; with {@code graph}, its reports and shared identifiers as nodes and edges. */
    public static ObjectNode of(
            Store.CampaignFigures c, Lang lang, List<Map.Entry<String, StoredIdentifier>> carriers, boolean graph) {
        ObjectNode node = NODES.objectNode();
        node.put("id", c.id());
        node.put("reports", c.reportCount());
        node.put("victims", c.victims());
        node.put("minors", c.minors());
        ObjectNode losses = node.putObject("losses");
        c.losses().forEach(losses::put);
        node.put("firstSeen", c.firstSeen().toString());
        node.put("lastSeen", c.lastSeen().toString());
        ArrayNode countries = node.putArray("countries");
        c.countries().forEach(countries::add);
        ObjectNode schemes = node.putObject("schemes");
        c.schemes().forEach(schemes::put);
        ArrayNode top = node.putArray("topIdentifiers");
        Explanations words = Explanations.of(lang);
        for (Map.Entry<StoredIdentifier, Long> e : c.topIdentifiers()) {
            ObjectNode id = top.addObject();
            id.put("kind", e.getKey().kind().id());
            id.put("normalized", e.getKey().value());
            id.put("reports", e.getValue());
            IDENTIFIERS
                    .parseAny(e.getKey().value())
                    .filter(parsed -> parsed.kind() == e.getKey().kind())
                    .ifPresent(parsed -> {
                        id.put("display", parsed.display());
                        id.put("explanation", words.link(new Decision.Links(parsed, e.getValue(), 1.0, true)));
                    });
        }
        ObjectNode timeline = node.putObject("timeline");
        c.timeline().forEach((day, n) -> timeline.put(day.toString(), n));
        if (graph) {
            ArrayNode reports = node.putArray("reportIds");
            c.reports().forEach(reports::add);
            ObjectNode g = node.putObject("graph");
            ArrayNode nodes = g.putArray("nodes");
            c.reports().forEach(r -> nodes.addObject().put("id", r).put("type", "report"));
            c.topIdentifiers()
                    .forEach(e -> nodes.addObject()
                            .put("id", e.getKey().kind().id() + ":" + e.getKey().value())
                            .put("type", e.getKey().kind().id()));
            ArrayNode edges = g.putArray("edges");
            carriers.forEach(e -> edges.addObject()
                    .put("source", e.getKey())
                    .put("target", e.getValue().kind().id() + ":" + e.getValue().value()));
        }
        return node;
    }
}
