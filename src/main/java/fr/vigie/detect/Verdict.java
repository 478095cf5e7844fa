package fr.vigie.detect;

import java.util.Locale;

/** The one answer a person reads first. */
public enum Verdict {
    /** Clear signs of a scam. */
    SCAM,
    /** Some signs: be careful, check through a channel you already know. */
    SUSPICIOUS,
    /** Nothing found; which is not a guarantee. */
    NO_RED_FLAGS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
