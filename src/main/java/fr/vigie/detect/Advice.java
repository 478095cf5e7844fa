package fr.vigie.detect;

import fr.vigie.i18n.Lang;
import java.util.Objects;
import java.util.Set;

/**
 * One thing to do now, in French and English; {@code id} is stable (UPPER_SNAKE) and names it in JSON. {@code
 * countries} (ISO 3166 alpha-2) limits a step that names a national service or number to the people of those
 * countries; empty means it holds everywhere.
 */
public record Advice(String id, String fr, String en, Set<String> countries) {
    public Advice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fr, "fr");
        Objects.requireNonNull(en, "en");
        countries = Set.copyOf(countries);
    }

    public Advice(String id, String fr, String en) {
        this(id, fr, en, Set.of());
    }

    /** Whether this step is for someone in {@code country} (an ISO code, or null when unknown). */
    public boolean holdsIn(String country) {
        return countries.isEmpty() || (country != null && countries.contains(country));
    }

    public String text(Lang lang) {
        return lang == Lang.FR ? fr : en;
    }
}
