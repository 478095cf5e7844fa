package fr.vigie.orient;

import java.util.List;

/**
 * The ordered steps for one case and the routing table they come from.
 *
 * @param jurisdiction the table's id: an ISO 3166 code ({@code FR}, {@code BE}...) or {@code general} when the
 *     victim's country has no table of its own
 */
public record Orientation(List<Step> steps, String jurisdiction) {
    public Orientation {
        steps = List.copyOf(steps);
    }
}
