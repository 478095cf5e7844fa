package fr.vigie.link;

import fr.vigie.identifier.Identifier;

/** What {@link LinkPolicy} decides for a value carried by {@code reports} reports. */
public sealed interface Decision {
    Identifier key();

    /** How many reports carry the value (the report being linked included). */
    long reports();

    /** Never links, however rare: a warning list, a computed reason, the victim's or the unit's own value. */
    record Never(Identifier key, long reports, NeverReason reason) implements Decision {}

    /**
     * Carried by more than {@code limit} reports: too common to be evidence, shown as a warning, never a link (the
     * way a search engine drops stop words; a real campaign still shows through its rarer values and templates).
     */
    record TooCommon(Identifier key, long reports, long limit) implements Decision {}

    /**
     * Links the reports that carry it. {@code weight} is in (0, 1], higher for rarer values and stronger kinds
     * ({@link LinkPolicy}); only {@code strong} links join campaigns, weak ones are shown beside them.
     */
    record Links(Identifier key, long reports, double weight, boolean strong) implements Decision {}
}
