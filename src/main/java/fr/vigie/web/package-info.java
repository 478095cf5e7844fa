/**
 * The pages a person sees: the check page at {@code /} (paste a message or drop an .eml, .txt or screenshot; the
 * verdict, the message with its red flags highlighted, what to do now), the report form and the follow-up page.
 * Entry: {@link fr.vigie.web.WebRoutes}, whose endpoints the HTTP server adds to its own. Server-rendered from jte
 * templates compiled at build time ({@code src/main/jte}); htmx, served from this server, only updates in place what a
 * plain form post also renders. Never loads anything from another site; the pages work under
 * {@code Content-Security-Policy: default-src 'self'} (no inline script or style).
 */
package fr.vigie.web;
