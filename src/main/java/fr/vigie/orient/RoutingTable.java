package fr.vigie.orient;

import fr.vigie.rules.Bilingual;
import java.util.List;

/**
 * One routing table: a jurisdiction's services (or the universal steps, or the general path), in file order.
 *
 * @param jurisdiction an ISO 3166 code, {@link RoutingTables#UNIVERSAL} or {@link RoutingTables#GENERAL}
 * @param countries the victims' countries the table serves (none for the universal and general tables)
 */
record RoutingTable(
        String file,
        String jurisdiction,
        Bilingual name,
        List<String> countries,
        long version,
        String note,
        List<Entry> entries) {
    RoutingTable {
        countries = List.copyOf(countries);
        entries = List.copyOf(entries);
    }
}
