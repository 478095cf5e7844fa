package fr.vigie.identifier;

import java.util.Locale;
import java.util.Objects;

/**
 * How {@link Identifiers} reads a text: {@code defaultRegion} is the ISO 3166 country national phone numbers are
 * read in (the victim's country), {@code maxIdentifiers} the most identifiers kept from one text.
 */
public record ExtractOptions(String defaultRegion, int maxIdentifiers) {
    public static final ExtractOptions DEFAULT = new ExtractOptions(Phone.DEFAULT_REGION, 500);

    public ExtractOptions {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        if (defaultRegion.length() != 2 || !defaultRegion.chars().allMatch(Character::isLetter)) {
            throw new IllegalArgumentException("defaultRegion is a two-letter country code: " + defaultRegion);
        }
        defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
        if (maxIdentifiers < 1) {
            throw new IllegalArgumentException("maxIdentifiers must be positive");
        }
    }
}
