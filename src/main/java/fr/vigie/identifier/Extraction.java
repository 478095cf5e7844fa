package fr.vigie.identifier;

import java.util.List;

/**
 * What {@link Identifiers#extract} found, ordered by start offset; {@code truncated} says that more identifiers
 * were found than {@link ExtractOptions#maxIdentifiers()} allows and the ones starting last were left out.
 */
public record Extraction(List<Found> found, boolean truncated) {
    public Extraction {
        found = List.copyOf(found);
    }
}
