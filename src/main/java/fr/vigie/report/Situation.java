package fr.vigie.report;

import fr.vigie.i18n.Lang;
import java.util.Objects;

/**
 * The victim's situation as it decides orientation: a minor goes to child protection first; the country decides
 * the services; the language is the one answers are written in.
 *
 * @param country ISO 3166 alpha-2, upper case
 */
public record Situation(boolean minor, String country, Lang lang) {
    public Situation {
        Objects.requireNonNull(lang, "lang");
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("a country is a two-letter ISO 3166 code");
        }
    }
}
