package fr.vigie.message;

import java.util.Locale;

/** What kind of thing was received: an e-mail with headers, or text pasted or typed (SMS, chat...). */
public enum MessageKind {
    EMAIL,
    TEXT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
