package fr.vigie.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages in which Vigie speaks to people. Messages may be in others (see {@link LanguageGuesser}). */
public enum Lang {
    FR,
    EN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return this == FR ? Locale.FRENCH : Locale.ENGLISH;
    }

    public static Optional<Lang> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return switch (id.strip().toLowerCase(Locale.ROOT)) {
            case "fr" -> Optional.of(FR);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /** The language to answer in for a message in {@code messageLanguage}: French stays French, all else English. */
    public static Lang answering(String messageLanguage) {
        return "fr".equals(messageLanguage) ? FR : EN;
    }
}
