package fr.vigie.i18n;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words Vigie shows people, in French and English, from {@code fr/vigie/i18n/messages_<lang>.properties}
 * (UTF-8). A key missing in one language is a test failure, never a silent fallback.
 */
public final class Texts {
    private final Lang lang;
    private final ResourceBundle bundle;

    private Texts(Lang lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle(
                "fr.vigie.i18n.messages",
                lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final Texts FR = new Texts(Lang.FR);
    private static final Texts EN = new Texts(Lang.EN);

    public static Texts of(Lang lang) {
        return lang == Lang.FR ? FR : EN;
    }

    public Lang lang() {
        return lang;
    }

    /** The text for {@code key} with {@code {0}}-style arguments filled in; the key itself when it is missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, lang.locale()).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    static java.util.Set<String> keys(Lang lang) {
        return of(lang).bundle.keySet();
    }
}
