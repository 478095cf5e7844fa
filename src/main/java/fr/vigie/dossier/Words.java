package fr.vigie.dossier;

import fr.vigie.i18n.Lang;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The dossiers' own words, from {@code fr/vigie/dossier/words_<lang>.properties} (kept apart from the shared bundle
 * because they are only ever drawn in a PDF). A key missing in one language fails a test.
 */
final class Words {
    private static final Words FR = new Words(Lang.FR);
    private static final Words EN = new Words(Lang.EN);

    private final Lang lang;
    private final ResourceBundle bundle;

    private Words(Lang lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle(
                "fr.vigie.dossier.words",
                lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Words of(Lang lang) {
        return lang == Lang.FR ? FR : EN;
    }

    Lang lang() {
        return lang;
    }

    String get(String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), lang.locale()).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    static java.util.Set<String> keys(Lang lang) {
        return of(lang).bundle.keySet();
    }
}
