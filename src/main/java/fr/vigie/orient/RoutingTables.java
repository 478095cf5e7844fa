package fr.vigie.orient;

import fr.vigie.InvalidDataFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The routing tables as one validated set, parsed from text handed in: {@code universal.json} (the person's own
 * steps, for every case everywhere), {@code general.json} (the path for a country with no table) and one table per
 * jurisdiction ({@code fr.json}, {@code be.json}...). Every problem is an {@link InvalidDataFileException} naming
 * the file, the entry and the field; nothing half-loads. docs/ORIENTATION.md describes the format. Immutable.
 */
public final class RoutingTables {
    public static final String UNIVERSAL = "universal";
    public static final String GENERAL = "general";

    private final RoutingTable universal;
    private final RoutingTable general;
    private final Map<String, RoutingTable> byCountry;
    private final List<RoutingTable> all;

    private RoutingTables(
            RoutingTable universal, RoutingTable general, Map<String, RoutingTable> byCountry, List<RoutingTable> all) {
        this.universal = universal;
        this.general = general;
        this.byCountry = Map.copyOf(byCountry);
        this.all = List.copyOf(all);
    }

    /**
     * @param files file name (a path is fine: its last segment must be the jurisdiction in lower case plus
     *     {@code .json}) to JSON text
     */
    public static RoutingTables parse(Map<String, String> files) {
        RoutingTable universal = null;
        RoutingTable general = null;
        Map<String, RoutingTable> byCountry = new HashMap<>();
        Map<String, String> fileOfId = new HashMap<>();
        List<RoutingTable> all = new ArrayList<>();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            RoutingTable table = TableReader.read(file.getKey(), file.getValue());
            all.add(table);
            for (Entry entry : table.entries()) {
                String earlier = fileOfId.putIfAbsent(entry.id(), table.file());
                if (earlier != null) {
                    throw new InvalidDataFileException(
                            table.file(), "entry " + entry.id() + ": id already used in " + earlier);
                }
            }
            switch (table.jurisdiction()) {
                case UNIVERSAL -> universal = table;
                case GENERAL -> general = table;
                default -> {
                    for (String country : table.countries()) {
                        RoutingTable earlier = byCountry.putIfAbsent(country, table);
                        if (earlier != null) {
                            throw new InvalidDataFileException(
                                    table.file(), "country " + country + " is already served by " + earlier.file());
                        }
                    }
                }
            }
        }
        if (universal == null) {
            throw new InvalidDataFileException(UNIVERSAL + ".json", "is missing: every case gets its steps");
        }
        if (general == null) {
            throw new InvalidDataFileException(
                    GENERAL + ".json", "is missing: a country with no table of its own gets the general path");
        }
        return new RoutingTables(universal, general, byCountry, all);
    }

    /** The number of tables (files). */
    public int size() {
        return all.size();
    }

    /** The jurisdictions with a table of their own, in file order. */
    public List<String> jurisdictions() {
        return all.stream()
                .map(RoutingTable::jurisdiction)
                .filter(j -> !j.equals(UNIVERSAL) && !j.equals(GENERAL))
                .toList();
    }

    RoutingTable universal() {
        return universal;
    }

    /** The table serving the victim's country, or the general path. */
    RoutingTable forCountry(String country) {
        return byCountry.getOrDefault(country, general);
    }

    List<RoutingTable> all() {
        return all;
    }
}
