package fr.vigie.cli;

import fr.vigie.access.Access;
import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Importer;
import fr.vigie.app.Reports;
import fr.vigie.bench.Bench;
import fr.vigie.bench.Folders;
import fr.vigie.bench.Latency;
import fr.vigie.bench.Table;
import fr.vigie.http.HttpServer;
import fr.vigie.i18n.Lang;
import fr.vigie.report.Channel;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.Intake;
import fr.vigie.report.NewReport;
import fr.vigie.report.ReportForm;
import fr.vigie.report.ReportSummary;
import fr.vigie.report.Situation;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.ReportFilter;
import fr.vigie.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench store}: the report store under an import and under readers, on the embedded H2 store and on a
 * throwaway PostgreSQL (started here, in a temporary folder), printed side by side. Each figure has a baseline
 * measured in the same run: the analysis alone for the import, {@code GET /health} for the report reads. The JIT
 * is warmed first (one untimed analysis pass, 5 s of each route), so the figures are those of a running server.
 */
@Command(
        name = "store",
        description = "Import the corpora into H2 and PostgreSQL, then read reports back over HTTP under load.")
final class StoreBenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "corpus folders (default: the shared e-mail corpora)")
    List<Path> corpus = new ArrayList<>(
            List.of(Path.of("../shared/data/spamassassin-testdata"), Path.of("../shared/data/phishing-pot")));

    @Option(
            names = "--seconds",
            description = "seconds of report reads, 0 for none: the import only (default: ${DEFAULT-VALUE})",
            defaultValue = "60")
    double seconds;

    @Option(
            names = "--clients",
            description = "concurrent HTTP clients (default: ${DEFAULT-VALUE})",
            defaultValue = "32")
    int clients;

    @Option(names = "--no-postgres", description = "only the embedded store")
    boolean noPostgres;

    private record Figures(
            String backend,
            double analysisPerSecond,
            double importPerSecond,
            long imported,
            long sizeBytes,
            Optional<Reads> reads) {
        Figures withReads(Reads measured) {
            return new Figures(backend, analysisPerSecond, importPerSecond, imported, sizeBytes, Optional.of(measured));
        }
    }

    /** The read figures (none with {@code --seconds 0}): {@code /health} as the baseline, then report reads. */
    private record Reads(Latency.Result health, Latency.Result reports) {}

    @Override
    public Integer call() throws Exception {
        // One log line per request would measure the terminal, not the server (set before the server's logger exists)
        System.setProperty("org.slf4j.simpleLogger.log.fr.vigie.http", "warn");
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files =
                Importer.files(corpus.stream().filter(Files::isDirectory).toList());
        if (files.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("vigie bench store: no messages under " + corpus + " (pass --corpus DIR)");
            return Main.UNREADABLE_INPUT;
        }
        List<byte[]> messages = Bench.loadCorpus(corpus, Integer.MAX_VALUE);
        out.printf(
                Locale.ROOT,
                "corpus: %d files, %d messages; %d cores; %d clients for %.0f s per read figure%n%n",
                files.size(),
                messages.size(),
                Runtime.getRuntime().availableProcessors(),
                clients,
                seconds);
        out.flush();
        List<Figures> figures = new ArrayList<>();
        figures.add(measure("h2", Optional.empty(), Optional.empty(), files, messages, out));
        if (!noPostgres) {
            Path pgDir = Files.createTempDirectory("vigie-bench-pg");
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .start()) {
                try (var connection = pg.getPostgresDatabase().getConnection();
                        var statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE warm");
                }
                figures.add(measure(
                        "postgresql",
                        Optional.of(pg.getJdbcUrl("postgres", "postgres")),
                        Optional.of(pg.getJdbcUrl("postgres", "warm")),
                        files,
                        messages,
                        out));
            } finally {
                Folders.delete(pgDir);
            }
        }
        print(figures, out);
        return 0;
    }

    private Figures measure(
            String backend,
            Optional<String> jdbcUrl,
            Optional<String> warmJdbcUrl,
            List<Path> files,
            List<byte[]> messages,
            PrintWriter out)
            throws Exception {
        out.println("… " + backend + ": analysis baseline, import, reads");
        out.flush();
        Path dir = Files.createTempDirectory("vigie-bench-" + backend);
        Config config = Config.defaults().withDataDir(dir).withJdbcUrl(jdbcUrl.orElse(null));
        App app = new App(config);
        int threads = Runtime.getRuntime().availableProcessors();
        // The JIT is warmed first, the analysis and the store's side alike (the sealing of evidence runs at a
        // fortieth of its compiled speed for its first few thousand messages): an import of a few thousand messages
        // otherwise measures the compiler. The warm-up import goes into a throwaway store of the same kind.
        analysisOnly(app.intake(), messages, threads);
        Path warmDir = Files.createTempDirectory("vigie-bench-warm-" + backend);
        try (Store warm = Store.open(config.withDataDir(warmDir).withJdbcUrl(warmJdbcUrl.orElse(null)))) {
            importAll(app, warm, files, warmDir.resolve("index"), threads);
        } finally {
            Folders.delete(warmDir);
        }
        try (Store store = Store.open(config)) {
            double analysis = analysisOnly(app.intake(), messages, threads);
            long start = System.nanoTime();
            Importer.Summary summary = importAll(app, store, files, dir.resolve("index"), threads);
            double took = (System.nanoTime() - start) / 1e9;
            long size = store.sizeOnDisk() + (jdbcUrl.isPresent() ? Folders.size(dir) : 0);
            Figures imported = new Figures(
                    backend, analysis, summary.messages() / took, summary.imported(), size, Optional.empty());
            if (seconds <= 0) {
                return imported;
            }
            SearchIndex index = SearchIndex.open(dir.resolve("index"));
            List<String> ids = ids(store);
            String analystKey = Access.of(store.accounts()).createKey("bench", Role.ANALYST, "cli:bench");
            Reports service = new Reports(store, index, app.intake(), new ReportForm(app.identifiers()));
            try (SearchIndex closing = index;
                    HttpServer server = new HttpServer(app, service)) {
                int port = server.start(0);
                String base = "http://127.0.0.1:" + port;
                // Warm both routes (JIT, connection pools), then measure.
                Latency.run(base, r -> "/health", null, clients, 5);
                Latency.run(base, r -> "/api/reports/" + ids.get(r % ids.size()), "Bearer " + analystKey, clients, 5);
                Latency.Result health = Latency.run(base, r -> "/health", null, clients, Math.max(5, seconds / 6));
                Latency.Result reports = Latency.run(
                        base, r -> "/api/reports/" + ids.get(r % ids.size()), "Bearer " + analystKey, clients, seconds);
                return imported.withReads(new Reads(health, reports));
            }
        } finally {
            Folders.delete(dir);
        }
    }

    /**
     * {@code vigie import} of the files into the store, with its search index in {@code index}. The index is closed
     * within, and so timed with the import (the command waits for it too): closing waits for the index's merges,
     * which would otherwise go on during the reads and be measured as the server's.
     */
    private static Importer.Summary importAll(App app, Store store, List<Path> files, Path index, int threads) {
        Importer importer = new Importer(app.harmoniser(), app.intake(), store, "FR", threads, 200);
        try (SearchIndex imported = SearchIndex.open(index)) {
            return importer.run(
                    files,
                    Importer.Progress.NONE,
                    reports -> imported.addBulk(reports.stream()
                            .map(e -> Store.indexable(e.getKey(), e.getValue()))
                            .toList()));
        }
    }

    /**
     * The baseline of the import: the same analysis over the same messages, in memory, nothing stored (nor kept:
     * each result is dropped when done, as an import drops a report once stored).
     */
    private static double analysisOnly(Intake intake, List<byte[]> messages, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (byte[] bytes : messages) {
                futures.add(pool.submit(() -> {
                    intake.prepare(new NewReport(
                            Optional.empty(),
                            new Situation(false, "FR", Lang.FR),
                            Channel.EMAIL,
                            "",
                            Optional.empty(),
                            Optional.empty(),
                            List.of(),
                            List.of(),
                            List.of(new EvidenceFile("m.eml", "message/rfc822", bytes)),
                            "bench"));
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return messages.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> ids(Store store) {
        List<String> ids = new ArrayList<>();
        for (int offset = 0; ; offset += ReportFilter.MAX_LIMIT) {
            List<ReportSummary> page = store.list(new ReportFilter(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    ReportFilter.MAX_LIMIT,
                    offset));
            page.forEach(r -> ids.add(r.id()));
            if (page.size() < ReportFilter.MAX_LIMIT) {
                return ids;
            }
        }
    }

    private void print(List<Figures> figures, PrintWriter out) {
        Table rows = new Table();
        for (Figures f : figures) {
            rows.add("analysis only, in memory (baseline)   msg/s", "%.0f".formatted(f.analysisPerSecond()));
            rows.add("import: read + analyse + store         msg/s", "%.0f".formatted(f.importPerSecond()));
            rows.add("import / baseline", "%.0f%%".formatted(100 * f.importPerSecond() / f.analysisPerSecond()));
            rows.add("reports imported", Long.toString(f.imported()));
            rows.add("store size on disk                       MB", "%.1f".formatted(f.sizeBytes() / 1e6));
            f.reads().ifPresent(reads -> {
                rows.add("GET /health (baseline)        p50/p99 ms", Table.ms(reads.health()));
                rows.add("GET /health                 req/s, errors", Table.rate(reads.health()));
                rows.add("GET /api/reports/{id}         p50/p99 ms", Table.ms(reads.reports()));
                rows.add("GET /api/reports/{id}       req/s, errors", Table.rate(reads.reports()));
            });
        }
        rows.print(
                out,
                "== store (issue 4) ==",
                figures.stream().map(Figures::backend).toList(),
                20);
    }
}
