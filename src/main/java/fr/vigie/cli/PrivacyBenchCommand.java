package fr.vigie.cli;

import fr.vigie.access.Access;
import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Reports;
import fr.vigie.bench.Folders;
import fr.vigie.bench.Latency;
import fr.vigie.http.HttpServer;
import fr.vigie.report.ReportForm;
import fr.vigie.report.ReportSummary;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.ReportFilter;
import fr.vigie.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench privacy}: what encryption at rest and the audit log cost. {@code POST /api/reports} (a report
 * with a contact and a message, each one different) and {@code GET /api/reports/{id}} measured with protection on
 * and off ({@link Store.Protection#OFF_FOR_BENCHMARK}, which exists for this only): two servers, each route loaded
 * on both at the same time, so that whatever else the machine does falls on both sides alike.
 */
@Command(
        name = "privacy",
        description = "POST and GET of reports with encryption and audit on, then off, in the same run.")
final class PrivacyBenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--seconds",
            description = "seconds per route and round, both sides at once (default: ${DEFAULT-VALUE})",
            defaultValue = "20")
    double seconds;

    @Option(
            names = "--clients",
            description = "concurrent HTTP clients on each side (default: ${DEFAULT-VALUE})",
            defaultValue = "8")
    int clients;

    @Option(
            names = "--rounds",
            description = "rounds, each on fresh stores (default: ${DEFAULT-VALUE})",
            defaultValue = "2")
    int rounds;

    @Option(names = "--postgres", description = "on a throwaway PostgreSQL instead of the embedded H2 store")
    boolean postgres;

    private static final String BOUNDARY = "vigie-bench-boundary";

    /** A short delivery scam, as a victim would forward it (synthetic; the same bytes each time). */
    private static final String MESSAGE = """
            From: "Suivi Colis" <notification@colis-relivraison.top>
            To: victime@example.org
            Subject: Votre colis est en attente de paiement
            Date: Mon, 02 Nov 2026 09:12:00 +0100
            Message-ID: <bench@colis-relivraison.top>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Bonjour,

            Votre colis n'a pas pu être livré. Réglez 1,99 EUR de frais sous 24 heures :
            https://colis-relivraison.top/paiement

            Sans paiement, le colis sera retourné à l'expéditeur.
            """.replace("\n", "\r\n");

    private record Figures(Latency.Result post, Latency.Result get) {}

    @Override
    public Integer call() throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.fr.vigie.http", "warn");
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "%s; %d cores; %d clients per side; %d rounds of %.0f s per route, both sides at once%n",
                postgres ? "postgresql" : "h2",
                Runtime.getRuntime().availableProcessors(),
                clients,
                rounds,
                seconds);
        out.flush();
        List<Figures> off = new ArrayList<>();
        List<Figures> on = new ArrayList<>();
        EmbeddedPostgres pg = null;
        Path pgDir = null;
        try {
            if (postgres) {
                pgDir = Files.createTempDirectory("vigie-bench-pg");
                pg = EmbeddedPostgres.builder()
                        .setDataDirectory(pgDir.resolve("data"))
                        .setCleanDataDirectory(true)
                        .start();
            }
            for (int round = 1; round <= rounds; round++) {
                out.println("… round " + round + ": protection off and on side by side");
                out.flush();
                Figures[] both = measure(pg, round);
                off.add(both[0]);
                on.add(both[1]);
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
            if (pgDir != null) {
                Folders.delete(pgDir);
            }
        }
        print(off, on, out);
        return 0;
    }

    /** One server without protection and one with it; each route loaded on both at once. */
    private Figures[] measure(EmbeddedPostgres pg, int round) throws Exception {
        try (Side off = new Side(Store.Protection.OFF_FOR_BENCHMARK, pg, round);
                Side on = new Side(Store.Protection.ON, pg, round)) {
            // warm the JIT and the pools on both routes first
            both(off, on, side -> Latency.requests(r -> post(side.base, r), clients, 3));
            both(off, on, side -> side.get(clients, 3));
            Latency.Result[] post = both(off, on, side -> Latency.requests(r -> post(side.base, r), clients, seconds));
            Latency.Result[] get = both(off, on, side -> side.get(clients, seconds));
            return new Figures[] {new Figures(post[0], get[0]), new Figures(post[1], get[1])};
        }
    }

    private interface Load {
        Latency.Result run(Side side) throws Exception;
    }

    /** The same load on both sides at the same time: whatever else the machine does falls on both. */
    private static Latency.Result[] both(Side off, Side on, Load load) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> load.run(off));
            var b = pool.submit(() -> load.run(on));
            return new Latency.Result[] {a.get(), b.get()};
        } finally {
            pool.shutdownNow();
        }
    }

    /** A store, its index and a server on a free port, with or without protection. */
    private static final class Side implements AutoCloseable {
        final Path dir;
        final String analyst;
        final Store store;
        final Reports reports;
        final HttpServer server;
        final String base;

        Side(Store.Protection protection, EmbeddedPostgres pg, int round) throws Exception {
            dir = Files.createTempDirectory("vigie-bench-privacy");
            Optional<String> jdbc = Optional.empty();
            if (pg != null) {
                String database = "bench_" + round + "_" + protection.name().toLowerCase(Locale.ROOT);
                try (var c = pg.getPostgresDatabase().getConnection();
                        var s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + database);
                }
                jdbc = Optional.of(pg.getJdbcUrl("postgres", database));
            }
            Config config = Config.defaults()
                    .withDataDir(dir)
                    .withJdbcUrl(jdbc.orElse(null))
                    // the benchmark is one client posting as fast as it can: no per-client limit in the way
                    .withRateLimits(new Config.RateLimits(
                            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, java.time.Duration.ofMinutes(1)));
            App app = new App(config);
            store = Store.open(config, Clock.systemUTC(), protection);
            analyst = Access.of(store.accounts()).createKey("bench", Role.ANALYST, "cli:bench");
            reports = new Reports(
                    store, SearchIndex.open(dir.resolve("index")), app.intake(), new ReportForm(app.identifiers()));
            server = new HttpServer(app, reports);
            base = "http://127.0.0.1:" + server.start(0);
        }

        Latency.Result get(int clients, double seconds) throws InterruptedException {
            List<String> ids = ids(store);
            return Latency.run(
                    base, r -> "/api/reports/" + ids.get(r % ids.size()), "Bearer " + analyst, clients, seconds);
        }

        @Override
        public void close() throws IOException {
            server.close();
            reports.close();
            Folders.delete(dir);
        }
    }

    /** A new report each time (the random number is in its narrative), with a contact and a message. */
    private static HttpRequest.Builder post(String base, int random) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, "narrative", "J'ai reçu ce message et j'ai payé les frais. Référence " + random + ".");
        field(body, "channel", "email");
        field(body, "loss", "1.99 EUR card");
        field(body, "contact_name", "Camille Martin");
        field(body, "contact_email", "camille.martin" + random + "@example.org");
        field(body, "contact_phone", "06 12 34 56 78");
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"evidence\"; "
                        + "filename=\"message.eml\"\r\nContent-Type: message/rfc822\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(MESSAGE.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static void field(ByteArrayOutputStream body, String name, String value) {
        body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> ids(Store store) {
        return store
                .list(new ReportFilter(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        ReportFilter.MAX_LIMIT,
                        0))
                .stream()
                .map(ReportSummary::id)
                .toList();
    }

    private static void print(List<Figures> off, List<Figures> on, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%-36s%22s%22s%12s%n", "== privacy (issue 8) ==", "off (baseline)", "on", "overhead");
        row(out, "POST /api/reports p50 ms", off, on, f -> f.post().p50Nanos());
        row(out, "POST /api/reports p99 ms", off, on, f -> f.post().p99Nanos());
        row(out, "GET /api/reports/{id} p50 ms", off, on, f -> f.get().p50Nanos());
        row(out, "GET /api/reports/{id} p99 ms", off, on, f -> f.get().p99Nanos());
        out.printf(
                Locale.ROOT,
                "%-36s%22s%22s%n",
                "POST req/s, errors",
                rate(off, Figures::post),
                rate(on, Figures::post));
        out.printf(
                Locale.ROOT, "%-36s%22s%22s%n", "GET req/s, errors", rate(off, Figures::get), rate(on, Figures::get));
        out.println("(each figure: the median of the rounds' values; overhead target: at most 15 %)");
        out.flush();
    }

    private static void row(
            PrintWriter out,
            String name,
            List<Figures> off,
            List<Figures> on,
            java.util.function.ToLongFunction<Figures> value) {
        double a = median(off, value) / 1e6;
        double b = median(on, value) / 1e6;
        out.printf(
                Locale.ROOT,
                "%-36s%22s%22s%12s%n",
                name,
                "%.2f".formatted(a),
                "%.2f".formatted(b),
                "%+.1f %%".formatted(100 * (b - a) / a));
    }

    private static double median(List<Figures> figures, java.util.function.ToLongFunction<Figures> value) {
        long[] values = figures.stream().mapToLong(value).sorted().toArray();
        return values.length % 2 == 1
                ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2.0;
    }

    private static String rate(List<Figures> figures, java.util.function.Function<Figures, Latency.Result> route) {
        double perSecond = figures.stream()
                .mapToDouble(f -> route.apply(f).perSecond())
                .average()
                .orElse(0);
        long errors = figures.stream().mapToLong(f -> route.apply(f).errors()).sum();
        return String.format(Locale.ROOT, "%.0f, %d", perSecond, errors);
    }
}
