package fr.vigie.web;

import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.report.Channel;
import fr.vigie.report.PaymentMethod;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What every page's frame needs: its language, the words in it, the asset addresses, and the address of the same
 * page in the other language (the switch).
 */
public record Page(Lang lang, Texts t, Assets assets, String title, String otherLanguageHref) {

    public String otherLang() {
        return lang == Lang.FR ? "en" : "fr";
    }

    public String otherLanguageName() {
        return lang == Lang.FR ? "English" : "Français";
    }

    public String text(String key, Object... args) {
        return t.get(key, args);
    }

    /** The countries offered in the check and report forms (French-speaking and neighbours); FR is the default. */
    static final List<String> COUNTRIES = List.of(
            "FR", "BE", "CH", "LU", "MC", "CA", "DE", "ES", "IT", "GB", "MA", "DZ", "TN", "SN", "CI", "ML", "CM", "US");

    public List<String> countries() {
        return COUNTRIES;
    }

    public String countryName(String code) {
        return Locale.of("", code).getDisplayCountry(lang.locale());
    }

    public List<String> channels() {
        return Arrays.stream(Channel.values())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    public List<String> paymentMethods() {
        return Arrays.stream(PaymentMethod.values())
                .map(m -> m.name().toLowerCase(Locale.ROOT))
                .toList();
    }
}
