package fr.vigie.orient;

import java.util.Locale;
import java.util.Optional;

/** How soon a step must be taken; steps are ordered by it (the most urgent first). */
public enum Urgency {
    /** Within the hour: money can still be stopped, a child is at risk, nothing must be paid. */
    NOW,
    TODAY,
    THIS_WEEK,
    WHEN_YOU_CAN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Urgency> fromId(String id) {
        for (Urgency u : values()) {
            if (u.id().equals(id)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
