package fr.vigie.oidc;

import java.util.Locale;

/**
 * Why an OpenID Connect sign-in did not end in a session, each with the HTTP status of the page that says so. The
 * page's words are {@code console.oidc.<code>} in the fr/en bundles.
 */
public enum OidcProblem {
    /** This server has no OpenID Connect settings. */
    NOT_CONFIGURED(404),
    /** The provider (discovery, token endpoint or keys) could not be reached or answered nonsense. */
    PROVIDER_UNREACHABLE(503),
    /** The provider answered with an error (the person cancelled, the client is not allowed…). */
    PROVIDER_REFUSED(401),
    /** The answer does not belong to a sign-in this browser started (state missing, altered or expired). */
    BAD_STATE(400),
    /** The ID token is malformed, or its signature does not check against the provider's keys. */
    BAD_TOKEN(401),
    /** The ID token was issued by another issuer. */
    WRONG_ISSUER(401),
    /** The ID token was issued for another client. */
    WRONG_AUDIENCE(401),
    /** The ID token has expired. */
    EXPIRED(401),
    /** The ID token answers another sign-in (its nonce is not this one's). */
    WRONG_NONCE(401),
    /** The person holds none of the claim values the settings map to a role: refused, never a default role. */
    NO_ROLE(403),
    /** An administrator disabled the account. */
    ACCOUNT_DISABLED(403),
    /** No account name could be given (every variant taken). */
    NAME_TAKEN(409);

    private final int status;

    OidcProblem(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code in audit entries and text keys: {@code wrong_audience}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
