package fr.vigie.report;

import java.util.Locale;
import java.util.Optional;

/** Where a report is in the analysts' work. */
public enum Status {
    NEW,
    TRIAGED,
    ORIENTED,
    CLOSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> fromId(String id) {
        for (Status s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
