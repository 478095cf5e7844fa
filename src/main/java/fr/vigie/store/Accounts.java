package fr.vigie.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The rows behind sign-in (V3__accounts.sql): accounts, API keys, sessions and access events. Only SQL: what a role
 * may do, how a password is hashed and how long a session lasts are decided by {@code fr.vigie.access}. Times are
 * handed in (the caller owns the clock). Safe to call from many threads.
 *
 * <p>A key or a session found is kept in memory for {@link #FRESH}, so that the check of every request is not a
 * query: a revocation, a sign-out or a disabled account made through this object forgets what it changes at once;
 * one made by another process on the same PostgreSQL ({@code vigie apikeys revoke}, {@code vigie users disable}) is
 * seen within {@link #FRESH}. What was not found is not kept (a guessed key costs a query, as before).
 */
public final class Accounts {
    /** How long a key or session read is trusted before it is read again. */
    public static final java.time.Duration FRESH = java.time.Duration.ofSeconds(1);

    private static final long FRESH_NANOS = FRESH.toNanos();
    /** At most this many keys and sessions each are kept; beyond, all are forgotten (read again as needed). */
    private static final int MAX_KEPT = 10_000;

    private final Jdbi jdbi;
    private final ConcurrentHashMap<String, Kept<ApiKey>> keys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Kept<Session>> sessions = new ConcurrentHashMap<>();
    /**
     * Moved on by every change this object makes to keys, accounts or sessions: a row read while a change was made
     * (it may be from before the change) is not kept.
     */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    /** A row as read at {@code readAt} ({@link System#nanoTime}). */
    private record Kept<T>(T row, long readAt) {
        boolean fresh(long now) {
            return now - readAt < FRESH_NANOS;
        }
    }

    Accounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A person's account; {@code oidcIdentity} is the SHA-256 of the issuer and subject of an account made by
     * OpenID Connect sign-in (V10), empty for a local account.
     */
    public record Account(
            String name,
            String role,
            String passwordHash,
            boolean disabled,
            Instant createdAt,
            Optional<String> oidcIdentity) {
        public boolean local() {
            return oidcIdentity.isEmpty();
        }
    }

    /** A service account's key (its secret only as a hash). */
    public record ApiKey(
            String id, String name, String role, String secretHash, Instant createdAt, Optional<Instant> revokedAt) {}

    /** A live session: whose, with which role, and its CSRF token. */
    public record Session(String account, String role, String csrf, Instant expiresAt) {}

    /** An access event as written. */
    public record Event(long seq, Instant at, String actor, String action, String target, Optional<String> reason) {}

    /** Adds an account; false when the name is taken. */
    public boolean addAccount(String name, String role, String passwordHash, Instant at) {
        return insertAccount(name, role, passwordHash, null, at);
    }

    /**
     * Inserts an account unless its name, or its OpenID Connect identity when it has one, is taken; false when
     * taken. ({@code oidc_identity = NULL} is never true, so a local account is checked by name alone.)
     */
    private boolean insertAccount(String name, String role, String passwordHash, String oidcIdentity, Instant at) {
        return jdbi.inTransaction(h -> {
            boolean taken = h.createQuery("SELECT COUNT(*) FROM account WHERE name = :n OR oidc_identity = :i")
                            .bind("n", name)
                            .bind("i", oidcIdentity)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (taken) {
                return false;
            }
            h.createUpdate("INSERT INTO account (name, role, password_hash, disabled, created_at, oidc_identity) "
                            + "VALUES (:n, :r, :p, FALSE, :at, :i)")
                    .bind("n", name)
                    .bind("r", role)
                    .bind("p", passwordHash)
                    .bind("at", time(at))
                    .bind("i", oidcIdentity)
                    .execute();
            return true;
        });
    }

    public Optional<Account> account(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account WHERE name = :n")
                .bind("n", name)
                .map((rs, ctx) -> accountRow(rs))
                .findOne());
    }

    /** Every account, by name. */
    public List<Account> accounts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account ORDER BY name")
                .map((rs, ctx) -> accountRow(rs))
                .list());
    }

    /** Disables an account and ends its sessions; false when there is no such account. */
    public boolean disable(String name) {
        boolean disabled = jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE account SET disabled = TRUE WHERE name = :n")
                    .bind("n", name)
                    .execute();
            h.createUpdate("DELETE FROM account_session WHERE account = :n")
                    .bind("n", name)
                    .execute();
            return changed > 0;
        });
        forgetSessions(name);
        return disabled;
    }

    public void addKey(String id, String name, String role, String secretHash, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_key (id, name, role, secret_hash, created_at) "
                        + "VALUES (:id, :n, :r, :s, :at)")
                .bind("id", id)
                .bind("n", name)
                .bind("r", role)
                .bind("s", secretHash)
                .bind("at", time(at))
                .execute());
    }

    /** The key with this id, as read at most {@link #FRESH} ago. */
    public Optional<ApiKey> key(String id) {
        long now = System.nanoTime();
        Kept<ApiKey> kept = keys.get(id);
        if (kept != null && kept.fresh(now)) {
            return Optional.of(kept.row());
        }
        long before = changes.get();
        Optional<ApiKey> key = jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_key WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> keyRow(rs))
                .findOne());
        keep(keys, id, key, now, before);
        return key;
    }

    /**
     * Keeps a row found, unless a change was made since it was read ({@code before}): checked after the put too,
     * as a change clears what is kept after it moves {@code changes} on.
     */
    private <T> void keep(
            ConcurrentHashMap<String, Kept<T>> kept, String id, Optional<T> row, long readAt, long before) {
        if (row.isEmpty()) {
            kept.remove(id);
            return;
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        Kept<T> entry = new Kept<>(row.get(), readAt);
        kept.put(id, entry);
        if (changes.get() != before) {
            kept.remove(id, entry);
        }
    }

    /** Every key, newest first. */
    public List<ApiKey> keys() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_key ORDER BY created_at DESC, id")
                .map((rs, ctx) -> keyRow(rs))
                .list());
    }

    /** Revokes the key with this id, or every live key of the service account with this name; how many. */
    public int revoke(String idOrName, Instant at) {
        int revoked = jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE api_key SET revoked_at = :at WHERE (id = :v OR name = :v) AND revoked_at IS NULL")
                .bind("v", idOrName)
                .bind("at", time(at))
                .execute());
        changes.incrementAndGet();
        keys.clear(); // by id or by name: forget them all, they are read again at the next request
        return revoked;
    }

    public void addSession(String idHash, String account, String csrf, Instant created, Instant expires) {
        jdbi.useHandle(h -> {
            // a sign-in is a good moment to forget the sessions that have run out
            h.createUpdate("DELETE FROM account_session WHERE expires_at <= :now")
                    .bind("now", time(created))
                    .execute();
            h.createUpdate("INSERT INTO account_session (id_hash, account, csrf, created_at, expires_at) "
                            + "VALUES (:id, :a, :c, :at, :exp)")
                    .bind("id", idHash)
                    .bind("a", account)
                    .bind("c", csrf)
                    .bind("at", time(created))
                    .bind("exp", time(expires))
                    .execute();
        });
    }

    /**
     * The session with this hash if it has not run out and its account is not disabled (as read at most {@link
     * #FRESH} ago).
     */
    public Optional<Session> session(String idHash, Instant now) {
        long readAt = System.nanoTime();
        Kept<Session> kept = sessions.get(idHash);
        if (kept != null && kept.fresh(readAt)) {
            return kept.row().expiresAt().isAfter(now) ? Optional.of(kept.row()) : Optional.empty();
        }
        long before = changes.get();
        Optional<Session> session = jdbi.withHandle(h -> h.createQuery(
                        "SELECT s.account, a.role, s.csrf, s.expires_at FROM account_session s JOIN account a "
                                + "ON a.name = s.account WHERE s.id_hash = :id AND s.expires_at > :now "
                                + "AND a.disabled = FALSE")
                .bind("id", idHash)
                .bind("now", time(now))
                .map((rs, ctx) -> new Session(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs.getObject(4, OffsetDateTime.class))))
                .findOne());
        keep(sessions, idHash, session, readAt, before);
        return session;
    }

    public void endSession(String idHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM account_session WHERE id_hash = :id")
                .bind("id", idHash)
                .execute());
        changes.incrementAndGet();
        sessions.remove(idHash);
    }

    /** Writes an access event (the chained audit log of the privacy issue will take these over). */
    public void record(Instant at, String actor, String action, String target, String reason) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO access_event (happened_at, actor, action, target, reason) "
                        + "VALUES (:at, :actor, :action, :target, :reason)")
                .bind("at", time(at))
                .bind("actor", actor)
                .bind("action", action)
                .bind("target", target)
                .bind("reason", reason)
                .execute());
    }

    /** Every access event, oldest first. */
    public List<Event> events() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM access_event ORDER BY seq")
                .map((rs, ctx) -> new Event(
                        rs.getLong("seq"),
                        instant(rs.getObject("happened_at", OffsetDateTime.class)),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("target"),
                        Optional.ofNullable(rs.getString("reason"))))
                .list());
    }

    /** The account an OpenID Connect identity made (by the hash of its issuer and subject). */
    public Optional<Account> accountByIdentity(String oidcIdentity) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account WHERE oidc_identity = :i")
                .bind("i", oidcIdentity)
                .map((rs, ctx) -> accountRow(rs))
                .findOne());
    }

    /**
     * Adds the account of an OpenID Connect identity; false when the name or the identity is taken. Its password
     * hash is a marker no password matches.
     */
    public boolean addOidcAccount(String name, String role, String oidcIdentity, Instant at) {
        return insertAccount(name, role, OIDC_PASSWORD_MARKER, oidcIdentity, at);
    }

    /** What an OpenID Connect account has instead of a password hash: not a PHC string, so nothing matches it. */
    public static final String OIDC_PASSWORD_MARKER = "!oidc";

    /** Sets an account's role (an OpenID Connect account takes the role its claims map to at each sign-in). */
    public void setRole(String name, String role) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE account SET role = :r WHERE name = :n")
                .bind("r", role)
                .bind("n", name)
                .execute());
        forgetSessions(name); // a session kept in memory holds the account's role as it was read
    }

    /** Ends every session of an account (its provider no longer gives it a role); how many. */
    public int endSessions(String name) {
        int ended = jdbi.withHandle(h -> h.createUpdate("DELETE FROM account_session WHERE account = :n")
                .bind("n", name)
                .execute());
        forgetSessions(name);
        return ended;
    }

    /** Forgets the account's sessions kept in memory: each is read again at its next request. */
    private void forgetSessions(String name) {
        changes.incrementAndGet();
        sessions.values().removeIf(kept -> kept.row().account().equals(name));
    }

    private static Account accountRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(
                rs.getString("name"),
                rs.getString("role"),
                rs.getString("password_hash"),
                rs.getBoolean("disabled"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                Optional.ofNullable(rs.getString("oidc_identity")).map(String::strip));
    }

    private static ApiKey keyRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new ApiKey(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("role"),
                rs.getString("secret_hash"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                Optional.ofNullable(revoked).map(Accounts::instant));
    }

    private static OffsetDateTime time(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t.toInstant();
    }
}
