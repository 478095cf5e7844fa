package fr.vigie.cli;

import fr.vigie.VigieException;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Reports;
import fr.vigie.app.RetentionSchedule;
import fr.vigie.http.HttpServer;
import fr.vigie.http.Tls;
import fr.vigie.oidc.OidcClient;
import fr.vigie.oidc.OidcSettings;
import fr.vigie.store.Retention;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie serve}: the HTTP API ({@code POST /api/check}, health, metrics, OpenAPI) until stopped. */
@Command(name = "serve", description = "Run the Vigie HTTP server until interrupted (Ctrl-C or SIGTERM).")
final class ServeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "port to listen on; 0 takes any free port (default: 8080)")
    int port = 8080;

    @Option(names = "--host", paramLabel = "ADDR", description = "address to listen on (default: 127.0.0.1)")
    String host = HttpServer.LOOPBACK;

    @Mixin
    StoreOptions storeOptions;

    @Option(
            names = "--tls-cert",
            paramLabel = "FILE",
            description = "serve HTTPS with this PEM certificate chain (with --tls-key)")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "the certificate's PEM private key (PKCS #8)")
    Path tlsKey;

    @Option(
            names = "--oidc-config",
            paramLabel = "FILE",
            description =
                    "sign analysts in through an OpenID Connect provider described by this JSON file"
                            + " (default: VIGIE_OIDC_CONFIG; the client secret from the file it names or VIGIE_OIDC_CLIENT_SECRET)")
    Path oidcConfig;

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            spec.commandLine().getErr().println("vigie serve: --port must be between 0 and 65535");
            return 2;
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            spec.commandLine().getErr().println("vigie serve: --tls-cert and --tls-key go together");
            return 2;
        }
        Optional<Tls> tls = tlsCert == null ? Optional.empty() : Optional.of(new Tls(tlsCert, tlsKey));
        Optional<OidcClient> oidc;
        try {
            oidc = oidc(System.getenv());
        } catch (VigieException e) {
            spec.commandLine().getErr().println("vigie serve: " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
        Config config = storeOptions.apply(Config.defaults());
        App app = new App(config);
        Reports reports;
        try {
            reports = Reports.open(app);
        } catch (VigieException e) {
            spec.commandLine().getErr().println("vigie serve: " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
        HttpServer server;
        try {
            server = new HttpServer(app, reports, host, HttpServer.defaultMaxBodyBytes(config.limits()), tls, oidc);
        } catch (VigieException e) {
            reports.close();
            spec.commandLine().getErr().println("vigie serve: " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
        int bound;
        try {
            bound = server.start(port);
        } catch (RuntimeException e) {
            reports.close();
            spec.commandLine().getErr().println("vigie serve: cannot listen on " + host + ":" + port);
            return 2;
        }
        RetentionSchedule retention =
                RetentionSchedule.start(reports, Retention.Policy.from(System.getenv()), Clock.systemUTC());
        // Linking reads every stored report's postings before its first write: do it now, not in a victim's request.
        Thread.ofVirtual().name("vigie-warm-links").start(() -> {
            try {
                reports.store().warmLinks();
            } catch (RuntimeException stoppedMeanwhile) {
                // the server stopped while reading (the store closed): the first write reads them instead
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C run the shutdown hooks: answer the requests in flight, then let the JVM exit.
        Thread hook = new Thread(
                () -> {
                    server.close();
                    retention.close();
                    reports.close();
                    stopped.countDown();
                },
                "vigie-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String shown = host.contains(":") ? "[" + host + "]" : host;
        spec.commandLine().getOut().println((tls.isPresent() ? "https://" : "http://") + shown + ":" + bound + "/");
        spec.commandLine().getOut().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from inside the JVM (a test, an embedding program): close here, the hook is not needed
            server.close();
            retention.close();
            reports.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook runs anyway and closing twice is harmless
            }
        }
        return 0;
    }

    /**
     * The OpenID Connect client when settings are given: checked whole, the secret read, the discovery document
     * tried (a provider down now is tried again at the first sign-in).
     */
    private Optional<OidcClient> oidc(java.util.Map<String, String> environment) {
        Path file = oidcConfig;
        String named = environment.get("VIGIE_OIDC_CONFIG");
        if (file == null && named != null && !named.isBlank()) {
            file = Path.of(named.strip());
        }
        if (file == null) {
            return Optional.empty();
        }
        OidcSettings settings = OidcSettings.read(file);
        return Optional.of(new OidcClient(
                settings, settings.secret(environment), Clock.systemUTC(), java.time.Duration.ofSeconds(10)));
    }
}
