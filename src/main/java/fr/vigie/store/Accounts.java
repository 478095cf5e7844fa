package fr.vigie.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The rows behind sign-in (V3__accounts.sql): accounts, API keys, sessions and access events. Only SQL: what a role
 * may do, how a password is hashed and how long a session lasts are decided by {@code fr.vigie.access}. Times are
 * handed in (the caller owns the clock). Safe to call from many threads.
 */
public final class Accounts {
    private final Jdbi jdbi;

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
        return jdbi.inTransaction(h -> {
            boolean taken = h.createQuery("SELECT COUNT(*) FROM account WHERE name = :n")
                            .bind("n", name)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (taken) {
                return false;
            }
            h.createUpdate("INSERT INTO account (name, role, password_hash, disabled, created_at) "
                            + "VALUES (:n, :r, :p, FALSE, :at)")
                    .bind("n", name)
                    .bind("r", role)
                    .bind("p", passwordHash)
                    .bind("at", time(at))
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
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE account SET disabled = TRUE WHERE name = :n")
                    .bind("n", name)
                    .execute();
            h.createUpdate("DELETE FROM account_session WHERE account = :n")
                    .bind("n", name)
                    .execute();
            return changed > 0;
        });
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

    public Optional<ApiKey> key(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_key WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> keyRow(rs))
                .findOne());
    }

    /** Every key, newest first. */
    public List<ApiKey> keys() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_key ORDER BY created_at DESC, id")
                .map((rs, ctx) -> keyRow(rs))
                .list());
    }

    /** Revokes the key with this id, or every live key of the service account with this name; how many. */
    public int revoke(String idOrName, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE api_key SET revoked_at = :at WHERE (id = :v OR name = :v) AND revoked_at IS NULL")
                .bind("v", idOrName)
                .bind("at", time(at))
                .execute());
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

    /** The session with this hash if it has not run out and its account is not disabled. */
    public Optional<Session> session(String idHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(
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
    }

    public void endSession(String idHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM account_session WHERE id_hash = :id")
                .bind("id", idHash)
                .execute());
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
                    .bind("p", OIDC_PASSWORD_MARKER)
                    .bind("at", time(at))
                    .bind("i", oidcIdentity)
                    .execute();
            return true;
        });
    }

    /** What an OpenID Connect account has instead of a password hash: not a PHC string, so nothing matches it. */
    public static final String OIDC_PASSWORD_MARKER = "!oidc";

    /** Sets an account's role (an OpenID Connect account takes the role its claims map to at each sign-in). */
    public void setRole(String name, String role) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE account SET role = :r WHERE name = :n")
                .bind("r", role)
                .bind("n", name)
                .execute());
    }

    /** Ends every session of an account (its provider no longer gives it a role); how many. */
    public int endSessions(String name) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM account_session WHERE account = :n")
                .bind("n", name)
                .execute());
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
