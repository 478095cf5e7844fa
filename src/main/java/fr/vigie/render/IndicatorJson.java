package fr.vigie.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.report.Indicator;
import java.util.TreeMap;

/** The JSON of an identifier look-up: {@code vigie lookup --json} and {@code GET /api/indicators/{kind}/{value}}. */
public final class IndicatorJson {
    private IndicatorJson() {}

    public static ObjectNode of(Indicator found) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", found.identifier().kind().id());
        node.put("normalized", found.identifier().normalized());
        node.put("display", found.identifier().display());
        node.put("reportCount", found.reportCount());
        node.put("victims", found.victims());
        found.firstSeen().ifPresent(t -> node.put("firstSeen", t.toString()));
        found.lastSeen().ifPresent(t -> node.put("lastSeen", t.toString()));
        ObjectNode losses = node.putObject("losses");
        new TreeMap<>(found.lossesByCurrency()).forEach(losses::put);
        ArrayNode countries = node.putArray("countries");
        found.countries().forEach(countries::add);
        ArrayNode reports = node.putArray("reports");
        found.reports().forEach(reports::add);
        // Cross-referencing (issue 5) fills these: the never-link list and campaigns are not built yet.
        node.put("warningListed", false);
        node.putArray("campaigns");
        return node;
    }
}
