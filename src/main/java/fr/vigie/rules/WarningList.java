package fr.vigie.rules;

import java.util.List;

/**
 * A list of values kept as data, in the shape of MISP warning lists: {@code lists/<name>/list.json}.
 *
 * @param type how entries match: {@code hostname} (the value or any sub-domain), {@code string} (whole value or
 *     whole words), {@code substring}, {@code regex} or {@code cidr}
 * @param version an integer date such as 20261128, bumped whenever the meaning of the list changes
 * @param checked the ISO date on which the entries were last checked against their source
 */
public record WarningList(
        String name,
        String description,
        long version,
        String type,
        String source,
        String checked,
        List<String> entries) {

    public WarningList {
        entries = List.copyOf(entries);
    }
}
