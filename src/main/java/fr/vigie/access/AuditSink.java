package fr.vigie.access;

/**
 * Where access events go: sign-ins (granted and refused), sign-outs, reveals of a reporter's identity with their
 * reason, account and key changes. Never a password, key, token or message text.
 */
public interface AuditSink {
    /**
     * @param actor who ({@code supervisor:alice}, {@code cli:root}, {@code anonymous})
     * @param action what ({@code sign-in}, {@code sign-in-refused}, {@code reveal}…)
     * @param target on what ({@code report:VG-…}, {@code account:alice})
     * @param reason why, as written by the actor (reveals); null when none is asked
     */
    void record(String actor, String action, String target, String reason);
}
