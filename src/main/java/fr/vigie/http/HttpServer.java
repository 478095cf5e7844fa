package fr.vigie.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.BadInputException;
import fr.vigie.access.Access;
import fr.vigie.access.Permissions;
import fr.vigie.access.RateLimiter;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Reports;
import fr.vigie.harmonise.Limits;
import fr.vigie.ocr.OcrUnavailableException;
import fr.vigie.oidc.OidcClient;
import fr.vigie.web.WebRoutes;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vigie HTTP server (Javalin on Jetty 12, one virtual thread per request). Every answer but {@code /metrics} is
 * JSON; every error is {@code {"error": code, "detail": sentence}} and never carries a stack trace or an internal
 * exception's message; every response carries the security headers. The log says method, route, status and
 * duration, never what was sent.
 *
 * <p>Built by the command line from the {@link App} with plain constructors. Its routes are the list in {@link
 * #HttpServer(App, Reports, String, long, List)}: a new route goes there and into {@code openapi.json}, which a test keeps equal.
 */
public final class HttpServer implements AutoCloseable {
    /** Loopback by default: exposing the server is a decision to take, not a default. */
    public static final String LOOPBACK = "127.0.0.1";

    static final String OPENAPI = "/fr/vigie/http/openapi.json";

    /** How long a stop waits for the requests in flight (a check takes well under a second). */
    private static final long STOP_TIMEOUT_MS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * On every answer: nothing is to be sniffed, framed, cached or referred to, and a page may load only its own
     * files, never an inline script (no 'unsafe-inline' anywhere).
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy",
                    "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-store");

    private final String host;
    private final Metrics metrics = new Metrics();
    private final List<Endpoint> endpoints;
    private final Javalin javalin;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final WebRoutes web;
    private final Optional<SslContextFactory.Server> tls;
    /** The port asked of {@link #start}: the TLS connector is made when the server starts. */
    private volatile int requestedPort;

    /** On loopback, with the body limit taken from the configured {@link Limits}. */
    public HttpServer(App app, Reports reports) {
        this(app, reports, LOOPBACK, defaultMaxBodyBytes(app.config().limits()));
    }

    /**
     * @param host the address to listen on
     * @param maxBodyBytes the largest request body read; a larger one is answered 413 (see {@link
     *     #defaultMaxBodyBytes})
     */
    public HttpServer(App app, Reports reports, String host, long maxBodyBytes) {
        this(app, reports, host, maxBodyBytes, List.of());
    }

    /** @param more routes beside the API's own (tests add one that fails; they are not in openapi.json) */
    HttpServer(App app, Reports reports, String host, long maxBodyBytes, List<Endpoint> more) {
        this(app, reports, host, maxBodyBytes, Optional.empty(), more);
    }

    /**
     * @param tls the certificate and key to serve HTTPS with; empty: plain HTTP (behind a TLS reverse proxy, or on
     *     loopback)
     */
    public HttpServer(App app, Reports reports, String host, long maxBodyBytes, Optional<Tls> tls) {
        this(app, reports, host, maxBodyBytes, tls, List.of());
    }

    HttpServer(App app, Reports reports, String host, long maxBodyBytes, Optional<Tls> tls, List<Endpoint> more) {
        this(app, reports, host, maxBodyBytes, tls, Optional.empty(), more);
    }

    /**
     * @param oidc the organisation's OpenID Connect provider, when the console's sign-in page offers it (the routes
     *     {@code /console/oidc/*} answer a page saying so otherwise)
     */
    public HttpServer(
            App app, Reports reports, String host, long maxBodyBytes, Optional<Tls> tls, Optional<OidcClient> oidc) {
        this(app, reports, host, maxBodyBytes, tls, oidc, List.of());
    }

    HttpServer(
            App app,
            Reports reports,
            String host,
            long maxBodyBytes,
            Optional<Tls> tls,
            Optional<OidcClient> oidc,
            List<Endpoint> more) {
        this.host = host;
        this.tls = tls.map(Tls::context);
        app.detector(); // load the model now, not during the first request
        byte[] openApi = resource(OPENAPI);
        Access access = Access.of(reports.store());
        Config.RateLimits rates = app.config().rateLimits();
        Clock clock = Clock.systemUTC();
        ReportsHandler reportRoutes = new ReportsHandler(
                reports,
                app.dossiers(reports.store(), clock),
                app.identifiers(),
                access.audit(),
                maxBodyBytes,
                app.router());
        // failed sign-ins per account name, counted together whether they come through the API or the console
        RateLimiter signInFailures = new RateLimiter(rates.signIns(), rates.window(), clock);
        SessionHandler session = new SessionHandler(access, signInFailures);
        SubjectsHandler subjectRoutes = new SubjectsHandler(reports);
        List<Endpoint> routes = new ArrayList<>(List.of(
                new Endpoint(HandlerType.POST, "/api/check", new CheckHandler(app, maxBodyBytes)),
                new Endpoint(HandlerType.POST, "/api/reports", reportRoutes::submit),
                new Endpoint(HandlerType.GET, "/api/reports", reportRoutes::list),
                new Endpoint(HandlerType.GET, "/api/reports/{id}", reportRoutes::get),
                new Endpoint(HandlerType.GET, "/api/reports/{id}/evidence/{seq}", reportRoutes::evidence),
                new Endpoint(HandlerType.GET, "/api/reports/{id}/dossier.pdf", reportRoutes::dossier),
                new Endpoint(HandlerType.POST, "/api/reports/{id}/status", reportRoutes::status),
                new Endpoint(HandlerType.POST, "/api/reports/{id}/reveal", reportRoutes::reveal),
                new Endpoint(HandlerType.GET, "/api/indicators/{kind}/{value}", reportRoutes::indicator),
                new Endpoint(HandlerType.GET, "/api/campaigns", reportRoutes::campaigns),
                new Endpoint(HandlerType.GET, "/api/campaigns/{id}", reportRoutes::campaign),
                new Endpoint(HandlerType.GET, "/api/campaigns/{id}/dossier.pdf", reportRoutes::campaignDossier),
                new Endpoint(HandlerType.POST, "/api/session", session::signIn),
                new Endpoint(HandlerType.GET, "/api/session", session::current),
                new Endpoint(HandlerType.DELETE, "/api/session", session::signOut),
                new Endpoint(HandlerType.POST, "/api/subjects/find", subjectRoutes::find),
                new Endpoint(HandlerType.POST, "/api/subjects/export", subjectRoutes::export),
                new Endpoint(HandlerType.POST, "/api/subjects/rectify", subjectRoutes::rectify),
                new Endpoint(HandlerType.POST, "/api/subjects/erase", subjectRoutes::erase),
                new Endpoint(HandlerType.GET, "/health", ctx -> json(ctx, 200, health())),
                new Endpoint(HandlerType.GET, "/metrics", metrics::scrape),
                new Endpoint(
                        HandlerType.GET,
                        "/api/openapi.json",
                        ctx -> ctx.status(200).contentType("application/json").result(openApi))));
        // the pages and the analysts' console (fr.vigie.web)
        this.web = new WebRoutes(
                app, reports, maxBodyBytes, new WebRoutes.Staff(access, signInFailures, AccessGate::principal, oidc));
        routes.addAll(web.endpoints());
        Permissions permissions = Permissions.bundled();
        permissions.requireExactly(
                routes.stream().map(e -> e.method.name() + " " + e.path).toList());
        AccessGate gate = new AccessGate(
                access,
                permissions,
                Map.of(
                        "POST /api/check", new RateLimiter(rates.checks(), rates.window(), clock),
                        "POST /api/reports", new RateLimiter(rates.reports(), rates.window(), clock),
                        "POST /check", new RateLimiter(rates.checks(), rates.window(), clock),
                        "POST /report", new RateLimiter(rates.reports(), rates.window(), clock),
                        "POST /follow", new RateLimiter(rates.signIns(), rates.window(), clock),
                        "POST /report/dossier", new RateLimiter(rates.signIns(), rates.window(), clock),
                        "POST /console/signin", new RateLimiter(rates.signIns(), rates.window(), clock),
                        "GET /console/oidc/callback", new RateLimiter(rates.signIns(), rates.window(), clock),
                        "POST /api/session", new RateLimiter(rates.signIns(), rates.window(), clock)));
        List<Endpoint> guarded = new ArrayList<>();
        for (Endpoint e : routes) {
            guarded.add(new Endpoint(e.method, e.path, gate.guard(e.method.name(), e.path, e.handler)));
        }
        guarded.addAll(more); // a test's own routes, open to anyone: they are not the API's
        this.endpoints = List.copyOf(guarded);
        this.javalin = Javalin.create(this::configure);
    }

    /** The largest message the harmoniser reads, plus room for the multipart framing around it. */
    public static long defaultMaxBodyBytes(Limits limits) {
        return limits.maxMessageBytes() + 64L * 1024;
    }

    /** Starts listening; {@code port} 0 takes any free port. Returns the port bound. */
    public int start(int port) {
        requestedPort = port;
        javalin.start(host, port);
        return javalin.port();
    }

    /** Stops listening after the requests in flight are answered. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                javalin.stop();
            } catch (RuntimeException e) {
                // Jetty gave up waiting for the requests in flight: they are cut, the server is stopped all the same
                LOG.warn(
                        "stopped before every request in flight was answered ({})",
                        e.getClass().getSimpleName());
            }
            metrics.close();
        }
    }

    /** Every route the server answers (the OpenAPI test compares them with {@code openapi.json}). */
    List<Endpoint> endpoints() {
        return endpoints;
    }

    private void configure(JavalinConfig config) {
        config.concurrency.useVirtualThreads = true;
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false; // a server built and never started (a test) is not a mistake
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = Long.MAX_VALUE; // the check handler reads with its own limit
        tls.ifPresent(context -> config.jetty.addConnector((server, http) -> {
            http.addCustomizer(new SecureRequestCustomizer());
            ServerConnector connector = new ServerConnector(
                    server,
                    new SslConnectionFactory(context, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(requestedPort);
            return connector;
        }));
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            server.setStopTimeout(STOP_TIMEOUT_MS); // on stop, requests in flight are answered first
        });
        endpoints.forEach(config.routes::addEndpoint);
        config.routes.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
        config.routes.exception(HttpError.class, (e, ctx) -> {
            if (ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null) {
                // the body may be partly unread: the connection cannot carry another request, and the client must know
                ctx.header("Connection", "close");
            }
            if (!web.consoleRefusal(ctx, e.status(), e.code())) { // the console's pages refuse in HTML
                error(ctx, e.status(), e.code(), e.getMessage());
            }
        });
        // BadInputException messages name the problem, never the message text (see its javadoc)
        config.routes.exception(BadInputException.class, (e, ctx) -> error(ctx, 400, e.code(), e.getMessage()));
        config.routes.exception(
                OcrUnavailableException.class,
                (e, ctx) -> error(
                        ctx, 503, "ocr_unavailable", "screenshots cannot be read on this server: " + e.getMessage()));
        config.routes.exception(HttpResponseException.class, HttpServer::javalinError);
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error(
                    "{} {}: internal error {}",
                    ctx.method(),
                    route(ctx),
                    e.getClass().getName());
            if (System.getenv("VIGIE_DEBUG") != null) {
                LOG.error("stack trace (VIGIE_DEBUG)", e);
            }
            error(ctx, 500, "internal", "an internal error occurred; the request was not analysed");
        });
        config.router.javaLangErrorHandler(HttpServer::fatal);
        config.requestLogger.http((ctx, ms) -> {
            String route = route(ctx);
            metrics.record(ctx.method().name(), route, ctx.statusCode(), (long) (ms * 1_000_000));
            LOG.info("{} {} {} {} ms", ctx.method().name(), route, ctx.statusCode(), Math.round(ms));
        });
    }

    /** The route template that answered, never the raw path (which the client chooses). */
    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null || endpoint.path.isEmpty() ? "unmatched" : endpoint.path;
    }

    /** Javalin's own refusals (no route, wrong method, body too large) in our error shape, with our wording. */
    private static void javalinError(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404 -> error(ctx, 404, "not_found", "there is no such route; see /api/openapi.json");
            case 405 -> {
                String allowed = e.getDetails().get("availableMethods");
                if (allowed != null) {
                    ctx.header("Allow", allowed);
                }
                error(
                        ctx,
                        405,
                        "method_not_allowed",
                        "this route does not answer the " + ctx.method().name() + " method");
            }
            case 413 -> error(ctx, 413, "too_large", "the request body is larger than the limit");
            default -> error(ctx, e.getStatus(), "http_" + e.getStatus(), "the request was refused");
        }
    }

    /** A java.lang.Error (out of memory, stack overflow) while answering: still our JSON, still no detail. */
    private static void fatal(HttpServletResponse res, Error error) {
        LOG.error("fatal error {}", error.getClass().getName());
        try {
            res.setStatus(500);
            res.setContentType("application/json");
            res.getOutputStream()
                    .write(errorJson("internal", "an internal error occurred; the request was not analysed"));
        } catch (IOException | RuntimeException e) {
            // the connection is gone or the response already committed: nothing more can be said
        }
    }

    static void error(Context ctx, int status, String code, String detail) {
        ctx.status(status).contentType("application/json").result(errorJson(code, detail));
    }

    static void json(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json").result(json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] errorJson(String code, String detail) {
        try {
            return JSON.writeValueAsBytes(new ErrorBody(code, detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of two strings always serialises", e);
        }
    }

    private static String health() throws JsonProcessingException {
        return JSON.writeValueAsString(Map.of("status", "ok", "version", App.VERSION));
    }

    private static byte[] resource(String path) {
        try (InputStream in = HttpServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
