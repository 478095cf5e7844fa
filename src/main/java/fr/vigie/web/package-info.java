/**
 * The pages a person sees: the check page at {@code /} (paste a message or drop an .eml, .txt or screenshot; the
 * verdict, the message with its red flags highlighted, what to do now), the report form, the follow-up page, and the
 * analysts' console under {@code /console} (sign-in, priority queue, report, campaigns with graph and timeline,
 * look-up, search). Entry: {@link fr.vigie.web.WebRoutes}, whose endpoints the HTTP server adds to its own (the access
 * gate decides who opens each; a console refusal is a page, {@link fr.vigie.web.WebRoutes#consoleRefusal}).
 * Server-rendered from jte templates compiled at build time ({@code src/main/jte}); htmx, Cytoscape.js and uPlot are
 * served from this server, never from another site; the pages work under {@code Content-Security-Policy: default-src
 * 'self'} (no inline script or style). The console never shows a reporter's identity or contact.
 */
package fr.vigie.web;
