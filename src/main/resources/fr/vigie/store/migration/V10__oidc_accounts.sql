-- Accounts made by OpenID Connect sign-in (fr.vigie.oidc). Such an account is recognised at its next sign-in by the
-- SHA-256 of its provider's issuer and its subject there, never by the subject itself: nothing more of the person's
-- identity at the provider is kept (docs/PRIVACY.md). Its password_hash is a marker that no password matches; its
-- role is the one the provider's claim maps to at the latest sign-in.
ALTER TABLE account ADD COLUMN oidc_identity CHAR(64);
CREATE UNIQUE INDEX account_oidc_identity ON account (oidc_identity);
