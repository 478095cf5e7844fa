package fr.vigie.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles of Vigie. A victim holds no account: the follow-up token of their own report is their only key. The
 * others are people's accounts or service accounts' API keys.
 */
public enum Role {
    /** The person who reported, through the follow-up token of that one report. */
    VICTIM,
    /** Reads reports, evidence, look-ups and campaigns; moves a report on; sees pseudonyms, never identities. */
    ANALYST,
    /** What an analyst does, and reveals a reporter's identity with a written reason. */
    SUPERVISOR,
    /** The data protection officer: requests from data subjects, retention (privacy issue). */
    DPO,
    /** Runs the platform: accounts, keys, metrics; no report content. */
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }

    /** The roles an account or an API key may hold: all but the victim's. */
    public static Optional<Role> ofAccount(String id) {
        return fromId(id).filter(r -> r != VICTIM);
    }
}
