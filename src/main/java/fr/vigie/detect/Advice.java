package fr.vigie.detect;

import fr.vigie.i18n.Lang;
import java.util.Objects;

/** One thing to do now, in French and English; {@code id} is stable (UPPER_SNAKE) and names it in JSON. */
public record Advice(String id, String fr, String en) {
    public Advice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fr, "fr");
        Objects.requireNonNull(en, "en");
    }

    public String text(Lang lang) {
        return lang == Lang.FR ? fr : en;
    }
}
