/**
 * Who may do what: roles, accounts and their Argon2id passwords, browser sessions, service accounts' API keys,
 * the authorization table ({@code permissions.tsv}, every route and command with the roles that may use it),
 * per-client rate limits, and the {@link fr.vigie.access.AuditSink} that sign-ins and reveals are written to.
 * Entry: {@link fr.vigie.access.Access}; {@link fr.vigie.access.Permissions} for the table. Uses the store's rows
 * ({@code store.Accounts}); never the web server. Invariant: no password, key or session token is ever stored or
 * logged in clear, and every secret is compared in constant time.
 */
package fr.vigie.access;
