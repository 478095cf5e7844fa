package fr.vigie.link;

import fr.vigie.identifier.Identifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one report is posted under: the keys that may link it ({@code keys}), those that never can and why
 * ({@code never}: the store still indexes them for look-ups, without linking), and the fingerprints of its message
 * texts long enough to be templates.
 *
 * @param victimOwn the victim's own values of this report, in normal form, kept to decide its links
 */
public record Posting(
        int report,
        List<Identifier> keys,
        Map<Identifier, NeverReason> never,
        List<Fingerprint> templates,
        Set<String> victimOwn) {

    public Posting {
        keys = List.copyOf(keys);
        never = Collections.unmodifiableMap(new LinkedHashMap<>(never));
        templates = List.copyOf(templates);
        victimOwn = Set.copyOf(victimOwn);
    }
}
