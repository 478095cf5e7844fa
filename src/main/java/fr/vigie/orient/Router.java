package fr.vigie.orient;

import fr.vigie.i18n.Lang;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ordered steps for a case, from the routing tables: the universal steps and the services of the victim's
 * country (the general path when it has no table, never another country's). Order: for a minor, the
 * child-protection steps (entries for minors only) first; then the steps that stop money already paid (entries
 * with a payment condition); then the rest. Within each, by urgency, then the universal steps before the
 * country's, each in file order. Immutable and thread-safe.
 */
public final class Router {
    private final RoutingTables tables;

    public Router(RoutingTables tables) {
        this.tables = tables;
    }

    public Orientation route(Case c, Lang lang) {
        RoutingTable table = tables.forCountry(c.country());
        if (c.nothingToDo()) {
            return new Orientation(List.of(), table.jurisdiction());
        }
        List<Candidate> candidates = new ArrayList<>();
        tables.universal().entries().forEach(e -> candidates.add(new Candidate(e, true)));
        table.entries().forEach(e -> candidates.add(new Candidate(e, false)));
        List<Step> steps = candidates.stream()
                .filter(candidate -> candidate.entry().when().holdFor(c))
                .sorted(ORDER) // stable: file order within a rank
                .map(candidate -> step(candidate.entry(), lang))
                .toList();
        return new Orientation(steps, table.jurisdiction());
    }

    private record Candidate(Entry entry, boolean universal) {
        /** 0: child protection; 1: stopping money already paid; 2: the rest. */
        int group() {
            if (entry.when().forMinorsOnly()) {
                return 0;
            }
            return entry.when().payments().isEmpty() ? 2 : 1;
        }
    }

    private static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::group)
            .thenComparing(c -> c.entry().urgency())
            .thenComparingInt(c -> c.universal() ? 0 : 1);

    private static Step step(Entry entry, Lang lang) {
        return new Step(
                entry.service(),
                lang == Lang.FR ? entry.title().fr() : entry.title().en(),
                lang == Lang.FR ? entry.reason().fr() : entry.reason().en(),
                entry.contact(),
                entry.urgency());
    }
}
