/**
 * OpenID Connect sign-in for organisations: the settings file and its validator ({@link fr.vigie.oidc.OidcSettings}),
 * and the relying party ({@link fr.vigie.oidc.OidcClient}, the entry): discovery at start, the authorization code
 * flow with PKCE, {@code state} and {@code nonce}, the ID token checked against the provider's JWKS (signature,
 * issuer, audience, expiry, nonce), and the claim mapped to one Vigie role. Out: who signed in (a hash of issuer and
 * subject, a user name, a role) or an {@link fr.vigie.oidc.OidcProblem}; the session is {@code access.Access}'s.
 * Talks only to the configured provider (Nimbus OAuth 2.0 SDK). Invariant: the client secret and the tokens are never
 * stored or logged, and a person whose claims map to no role gets no session.
 */
package fr.vigie.oidc;
