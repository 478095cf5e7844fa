package fr.vigie.report;

import java.util.Locale;
import java.util.Optional;

/** How the scammer reached the victim. */
public enum Channel {
    EMAIL,
    SMS,
    WHATSAPP,
    SOCIAL_NETWORK,
    DATING_SITE,
    PHONE,
    WEBSITE,
    OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromId(String id) {
        for (Channel c : values()) {
            if (c.id().equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
