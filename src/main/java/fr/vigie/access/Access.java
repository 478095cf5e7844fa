package fr.vigie.access;

import fr.vigie.BadInputException;
import fr.vigie.store.Accounts;
import fr.vigie.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts, sign-in and credentials. People sign in with a name and a password (Argon2id, {@link PasswordHasher})
 * and get a server-side session that runs out after {@code sessionLength}; service accounts send an API key
 * ({@code vk_<id>_<secret>}, shown once, kept as the SHA-256 of its secret, revocable). Every secret is compared in
 * constant time, and a name without an account costs a sign-in as much time as a wrong password. Sign-ins, refusals,
 * sign-outs and account changes go to the {@link AuditSink}. Safe to call from many threads.
 */
public final class Access {
    /** How long a browser session lasts, whatever is done with it: a working day. */
    public static final Duration SESSION_LENGTH = Duration.ofHours(8);
    /** The browser cookie that carries a session (HttpOnly, SameSite=Strict). */
    public static final String SESSION_COOKIE = "vigie_session";
    /** The cookie a page reads its anti-forgery token from (the same token is in the console's forms). */
    public static final String CSRF_COOKIE = "vigie_csrf";

    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 1024;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String KEY_PREFIX = "vk_";
    private static final Pattern KEY = Pattern.compile("vk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The account names OpenID Connect sign-in makes begin with this; a local account never does. */
    public static final String OIDC_PREFIX = "oidc.";

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration sessionLength;
    private final AuditSink audit;

    public Access(Accounts accounts, PasswordHasher hasher, Clock clock, Duration sessionLength, AuditSink audit) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.clock = clock;
        this.sessionLength = sessionLength;
        this.audit = audit;
    }

    /**
     * Over the store's accounts, the system clock, 8-hour sessions; each event is written to the store's access
     * events and to its chained audit log (a sign-in, granted or refused, is then as tamper-evident as a read).
     */
    public static Access of(Store store) {
        Clock clock = Clock.systemUTC();
        Accounts accounts = store.accounts();
        return new Access(accounts, new PasswordHasher(), clock, SESSION_LENGTH, (actor, action, target, reason) -> {
            accounts.record(clock.instant(), actor, action, target, reason);
            store.audit().record(actor, action, target, reason);
        });
    }

    /** Over the store's rows, the system clock, 8-hour sessions, events written to the store's access events. */
    public static Access of(Accounts accounts) {
        Clock clock = Clock.systemUTC();
        return new Access(
                accounts,
                new PasswordHasher(),
                clock,
                SESSION_LENGTH,
                (actor, action, target, reason) -> accounts.record(clock.instant(), actor, action, target, reason));
    }

    public AuditSink audit() {
        return audit;
    }

    /** A session just opened: the cookie's value (never stored), its CSRF token, who, and until when. */
    public record SignedIn(String sessionToken, String csrf, Principal.Staff who, Instant expiresAt) {}

    // ---- accounts

    /**
     * Adds a person's account.
     *
     * @throws BadInputException when the name is malformed or taken, the role is the victim's, or the password is
     *     shorter than {@value #MIN_PASSWORD} characters
     */
    public void addUser(String name, Role role, char[] password, String actor) {
        requireName(name);
        if (name.startsWith(OIDC_PREFIX)) {
            throw new BadInputException(
                    "name", "names beginning with '" + OIDC_PREFIX + "' are kept for OpenID Connect sign-in");
        }
        if (role == Role.VICTIM) {
            throw new BadInputException("role", "a victim has no account: the follow-up token is their key");
        }
        if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
            throw new BadInputException(
                    "password", "a password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        if (!accounts.addAccount(name, role.id(), hasher.hash(password), clock.instant())) {
            throw new BadInputException("name", "there is already an account named " + name);
        }
        audit.record(actor, "account-add", "account:" + name, null);
    }

    public List<Accounts.Account> users() {
        return accounts.accounts();
    }

    /** Disables an account and ends its sessions; false when there is none by that name. */
    public boolean disable(String name, String actor) {
        boolean done = accounts.disable(name);
        if (done) {
            audit.record(actor, "account-disable", "account:" + name, null);
        }
        return done;
    }

    // ---- sessions

    /** Signs in; empty (and audited) for a wrong password, an unknown name or a disabled account. */
    public Optional<SignedIn> signIn(String name, char[] password) {
        Optional<Accounts.Account> account =
                name != null && NAME.matcher(name).matches() ? accounts.account(name) : Optional.empty();
        boolean ok =
                account.isPresent() ? hasher.matches(password, account.get().passwordHash()) : hasher.refuse(password);
        Optional<Role> role = account.flatMap(a -> Role.ofAccount(a.role()));
        // an OpenID Connect account has no password here (its marker matches none): refused all the same
        if (!ok || !account.get().local() || account.get().disabled() || role.isEmpty()) {
            // an unknown name is not written: it may be a password typed in the wrong field
            audit.record(
                    "anonymous", "sign-in-refused", account.isPresent() ? "account:" + name : "unknown-account", null);
            return Optional.empty();
        }
        return Optional.of(openSession(name, role.get()));
    }

    /** A new session for an account whose sign-in succeeded, audited as a sign-in whichever way it came. */
    private SignedIn openSession(String name, Role role) {
        String token = random(32);
        String csrf = random(32);
        Instant now = clock.instant();
        Instant expires = now.plus(sessionLength);
        accounts.addSession(sha256(token), name, csrf, now, expires);
        Principal.Staff who = new Principal.Staff(name, role, Optional.of(csrf));
        audit.record(who.actor(), "sign-in", "account:" + name, null);
        return new SignedIn(token, csrf, who, expires);
    }

    /** Why an OpenID Connect sign-in found no session to open here. */
    public enum OidcRefusal {
        /** An administrator disabled the account ({@code vigie users disable}). */
        ACCOUNT_DISABLED,
        /** The name and every variant of it are taken by other accounts. */
        NAME_TAKEN
    }

    /** An OpenID Connect sign-in: a session, or why not. */
    public sealed interface OidcSignIn {
        record Granted(SignedIn session) implements OidcSignIn {}

        record Refused(OidcRefusal why) implements OidcSignIn {}
    }

    /**
     * Signs in a person whose identity provider vouched for them (the ID token checked by {@code fr.vigie.oidc}):
     * their account is found by {@code identity} (the SHA-256 of issuer and subject) or made on first sign-in, named
     * {@value #OIDC_PREFIX} and {@code name} (with a short suffix from the identity when another account holds
     * that name); its role becomes {@code role}, the one the provider's claims map to now. The session is the same
     * as after a password sign-in, and so is the audit entry.
     */
    public OidcSignIn signInOidc(String identity, String name, Role role) {
        if (role == Role.VICTIM) {
            throw new IllegalArgumentException("a victim has no account");
        }
        Optional<Accounts.Account> account = accounts.accountByIdentity(identity);
        String accountName;
        if (account.isPresent()) {
            accountName = account.get().name();
            if (account.get().disabled()) {
                audit.record("anonymous", "sign-in-refused", "account:" + accountName, null);
                return new OidcSignIn.Refused(OidcRefusal.ACCOUNT_DISABLED);
            }
            if (!account.get().role().equals(role.id())) {
                accounts.setRole(accountName, role.id());
                audit.record("oidc", "account-role", "account:" + accountName, role.id());
            }
        } else {
            String base = oidcName(name, identity);
            String variant = base.substring(0, Math.min(base.length(), 57)) + "-" + identity.substring(0, 6);
            Instant now = clock.instant();
            if (accounts.addOidcAccount(base, role.id(), identity, now)) {
                accountName = base;
            } else if (accounts.addOidcAccount(variant, role.id(), identity, now)) {
                accountName = variant;
            } else {
                audit.record("anonymous", "sign-in-refused", "account:" + base, null);
                return new OidcSignIn.Refused(OidcRefusal.NAME_TAKEN);
            }
            audit.record("oidc", "account-add", "account:" + accountName, role.id());
        }
        return new OidcSignIn.Granted(openSession(accountName, role));
    }

    /**
     * Ends every session of the account an OpenID Connect identity made, when its provider no longer maps it to a
     * role: a person removed from the unit's groups keeps no session here.
     */
    public void endOidcSessions(String identity) {
        accounts.accountByIdentity(identity).ifPresent(a -> {
            if (accounts.endSessions(a.name()) > 0) {
                audit.record("oidc", "sessions-ended", "account:" + a.name(), "no role");
            }
        });
    }

    /**
     * The account name for an OpenID Connect identity: {@value #OIDC_PREFIX} and the provider's user name folded
     * to the characters names allow, else the start of the identity's hash.
     */
    static String oidcName(String name, String identity) {
        String folded = name == null
                ? ""
                : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9._-]+", "-")
                        .replaceAll("^[._-]+", "");
        if (folded.isEmpty()) {
            folded = identity.substring(0, 12);
        }
        String full = OIDC_PREFIX + folded;
        return full.length() > 64 ? full.substring(0, 64) : full;
    }

    /** Who holds this session cookie, if it is live and its account enabled. */
    public Optional<Principal.Staff> session(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return accounts.session(sha256(token), clock.instant())
                .flatMap(s ->
                        Role.ofAccount(s.role()).map(r -> new Principal.Staff(s.account(), r, Optional.of(s.csrf()))));
    }

    public void signOut(String token, Principal.Staff who) {
        accounts.endSession(sha256(token));
        audit.record(who.actor(), "sign-out", "account:" + who.name(), null);
    }

    // ---- API keys

    /** Whether a bearer credential is shaped as an API key (a follow-up token never is: 22 characters). */
    public static boolean looksLikeApiKey(String bearer) {
        return bearer.startsWith(KEY_PREFIX) && bearer.length() > 40;
    }

    /**
     * Creates a service account's key; the returned key is shown once and never again.
     *
     * @throws BadInputException when the name is malformed or the role is the victim's
     */
    public String createKey(String name, Role role, String actor) {
        requireName(name);
        if (role == Role.VICTIM) {
            throw new BadInputException("role", "a victim has no key: the follow-up token is their key");
        }
        byte[] idBytes = new byte[8];
        RANDOM.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = random(32);
        accounts.addKey(id, name, role.id(), sha256(secret), clock.instant());
        audit.record(actor, "apikey-create", "apikey:" + id + ":" + name, null);
        return KEY_PREFIX + id + "_" + secret;
    }

    public List<Accounts.ApiKey> keys() {
        return accounts.keys();
    }

    /** Revokes a key by its id, or every live key of a service account by its name; how many were revoked. */
    public int revokeKey(String idOrName, String actor) {
        int revoked = accounts.revoke(idOrName, clock.instant());
        if (revoked > 0) {
            audit.record(actor, "apikey-revoke", "apikey:" + idOrName, null);
        }
        return revoked;
    }

    /** The service account of a live key; empty for a malformed, unknown or revoked key. */
    public Optional<Principal.Staff> apiKey(String key) {
        var m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Accounts.ApiKey> stored = accounts.key(m.group(1));
        String presented = sha256(m.group(2));
        // compared even when there is no such key, so that both refusals cost the same
        String expected = stored.map(Accounts.ApiKey::secretHash).orElse("0".repeat(64));
        boolean equal = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
        if (!equal || stored.get().revokedAt().isPresent()) {
            return Optional.empty();
        }
        return Role.ofAccount(stored.get().role())
                .map(r -> new Principal.Staff(stored.get().name(), r, Optional.empty()));
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInputException(
                    "name", "a name has 1 to 64 characters: lower-case letters, digits, '.', '_' or '-'");
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
