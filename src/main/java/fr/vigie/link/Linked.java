package fr.vigie.link;

import java.util.ArrayList;
import java.util.List;

/**
 * How a new report links to the reports already posted.
 *
 * @param links the values it shares that link, each with the earliest reports sharing it
 * @param tooCommon values it shares with too many reports: warnings, not links
 * @param templates reports whose message is the same template, nearest first
 */
public record Linked(int report, List<Link> links, List<Decision.TooCommon> tooCommon, List<TemplateMatch> templates) {

    public Linked {
        links = List.copyOf(links);
        tooCommon = List.copyOf(tooCommon);
        templates = List.copyOf(templates);
    }

    /** A shared value that links, and (some of) the reports it links to, earliest first. */
    public record Link(Decision.Links decision, List<Integer> with) {
        public Link {
            with = List.copyOf(with);
        }
    }

    /** A report whose message is {@code distance} bits from this one's. */
    public record TemplateMatch(int with, int distance) {}

    /** The edges that join campaigns: every strong link and every template match ({@link Campaigns#link}). */
    public List<Campaigns.Edge> edges() {
        List<Campaigns.Edge> edges = new ArrayList<>();
        for (Link link : links) {
            if (link.decision().strong()) {
                link.with().forEach(other -> edges.add(new Campaigns.Edge(report, other)));
            }
        }
        templates.forEach(match -> edges.add(new Campaigns.Edge(report, match.with())));
        return edges;
    }
}
