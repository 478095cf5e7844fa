package fr.vigie.message;

import java.util.Objects;

/**
 * One header field as received: its name as written, its value unfolded and with RFC 2047 encoded words decoded,
 * and the raw value (folded, still encoded) for evidence. {@code index} is its position from the top (0 = newest).
 */
public record Header(int index, String name, String value, String raw) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
    }

    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }
}
