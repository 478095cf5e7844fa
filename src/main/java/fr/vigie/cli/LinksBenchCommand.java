package fr.vigie.cli;

import fr.vigie.access.Access;
import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Reports;
import fr.vigie.bench.Folders;
import fr.vigie.bench.Latency;
import fr.vigie.bench.Table;
import fr.vigie.bench.Workload;
import fr.vigie.http.HttpServer;
import fr.vigie.identifier.Identifier;
import fr.vigie.report.Intake;
import fr.vigie.report.NewReport;
import fr.vigie.report.ReportForm;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench links}: cross-referencing at scale (issue 5) on generated reports ({@code vigie generate}'s
 * workload), on the embedded H2 store and on a throwaway PostgreSQL, side by side: ingest and link, the full
 * rebuild, rows per report, identifier look-ups under concurrent clients, and the biggest campaign's page. Each
 * figure has a baseline from the same run: preparing the reports without storing them for the ingest, {@code GET
 * /health} for the look-ups.
 */
@Command(
        name = "links",
        description = "Generate reports into H2 and PostgreSQL, then measure ingest and link, rebuild, look-ups and"
                + " a campaign page.")
final class LinksBenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--reports", description = "generated reports (default: ${DEFAULT-VALUE})", defaultValue = "100000")
    int reports;

    @Option(names = "--seconds", description = "seconds of look-ups (default: ${DEFAULT-VALUE})", defaultValue = "20")
    double seconds;

    @Option(
            names = "--clients",
            description = "concurrent look-up clients (default: ${DEFAULT-VALUE})",
            defaultValue = "32")
    int clients;

    @Option(
            names = "--rate",
            description = "open-loop look-ups per second, all clients together (default: ${DEFAULT-VALUE})",
            defaultValue = "5000")
    double rate;

    @Option(names = "--seed", description = "workload seed (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--no-postgres", description = "only the embedded store")
    boolean noPostgres;

    @Option(names = "--no-h2", description = "only PostgreSQL (a size the embedded store would take too long over)")
    boolean noH2;

    private static final int BATCH = 1_000;
    private static final int LOOKUP_VALUES = 20_000;
    /** Values looked up once each, none of them asked before: what a look-up costs when nothing of it is kept. */
    private static final int FIRST_LOOKUPS = 2_000;

    private static final int PROGRESS = 100_000;

    private record Figures(
            String backend,
            double preparePerSecond,
            double ingestSeconds,
            double ingestCpuSeconds,
            double rebuildSeconds,
            double rebuildCpuSeconds,
            double loadAverage,
            Map<String, Long> rows,
            long sizeBytes,
            Latency.Result health,
            Latency.Result lookups,
            Latency.Result healthAtRate,
            Latency.Result lookupsAtRate,
            Latency.Result firstLookups,
            int campaignSize,
            Latency.Result campaignPage) {}

    @Override
    public Integer call() throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.fr.vigie.http", "warn");
        PrintWriter out = spec.commandLine().getOut();
        if (reports < 1_000 || reports > 10_000_000) {
            spec.commandLine().getErr().println("vigie bench links: --reports 1000-10000000");
            return 2;
        }
        out.printf(
                Locale.ROOT,
                "%,d generated reports (seed %d); %d cores, load average %.1f; %d look-up clients for %.0f s%n%n",
                reports,
                seed,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                clients,
                seconds);
        out.flush();
        if (noH2 && noPostgres) {
            spec.commandLine()
                    .getErr()
                    .println("vigie bench links: --no-h2 and --no-postgres leave nothing to measure");
            return 2;
        }
        List<Figures> figures = new ArrayList<>();
        if (!noH2) {
            figures.add(measure("h2", Optional.empty(), out));
        }
        if (!noPostgres) {
            Path pgDir = Files.createTempDirectory("vigie-bench-pg");
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .start()) {
                figures.add(measure("postgresql", Optional.of(pg.getJdbcUrl("postgres", "postgres")), out));
            } finally {
                Folders.delete(pgDir);
            }
        }
        print(figures, out);
        return 0;
    }

    private Figures measure(String backend, Optional<String> jdbcUrl, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("vigie-bench-links-" + backend);
        Config config = Config.defaults().withDataDir(dir).withJdbcUrl(jdbcUrl.orElse(null));
        App app = new App(config);
        Intake intake = app.intake();
        try (Store store = Store.open(config);
                SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            double prepareRate = prepareOnly(intake);
            out.printf(Locale.ROOT, "… %s: ingest and link%n", backend);
            out.flush();
            List<Identifier> lookups = new ArrayList<>();
            List<Identifier> firstLookups = new ArrayList<>();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            // As vigie import does: the next batch is generated, prepared and staged (fingerprints, sealed contacts)
            // on another thread while one is stored.
            BlockingQueue<List<Store.Staged>> batches = new ArrayBlockingQueue<>(2);
            FutureTask<Void> preparing =
                    new FutureTask<>(() -> prepareAll(intake, store, lookups, firstLookups, batches));
            Thread.ofPlatform().daemon().start(preparing);
            long stored = 0;
            for (List<Store.Staged> batch = batches.take(); !batch.isEmpty(); batch = batches.take()) {
                store.submitStaged(batch);
                // A million reports take a while on a shared machine: say how far, so a run cut short still tells.
                if ((stored + batch.size()) / PROGRESS > stored / PROGRESS) {
                    out.printf(
                            Locale.ROOT,
                            "… %s: %,d reports stored in %.0f s (load average %.1f)%n",
                            backend,
                            stored + batch.size(),
                            (System.nanoTime() - start) / 1e9,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    out.flush();
                }
                stored += batch.size();
            }
            preparing.get(); // its failure, if any
            double ingest = (System.nanoTime() - start) / 1e9;
            double ingestCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            Map<String, Long> rows = store.rowCounts();
            out.printf(Locale.ROOT, "… %s: rebuild%n", backend);
            out.flush();
            start = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime();
            store.rebuildLinks();
            double rebuild = (System.nanoTime() - start) / 1e9;
            double rebuildCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            Store.CampaignFigures biggest = store.campaigns("size", 1, 0).getFirst();
            Reports service = new Reports(store, index, intake, new ReportForm(app.identifiers()));
            try (HttpServer server = new HttpServer(app, service)) {
                String base = "http://127.0.0.1:" + server.start(0);
                String bearer = "Bearer " + Access.of(store.accounts()).createKey("bench", Role.ANALYST, "cli:bench");
                out.printf(Locale.ROOT, "… %s: look-ups and the biggest campaign's page%n", backend);
                out.flush();
                Latency.run(base, r -> "/health", null, clients, 3);
                Latency.run(base, r -> lookup(lookups, r), bearer, clients, 5);
                Latency.Result health = Latency.run(base, r -> "/health", null, clients, Math.max(3, seconds / 4));
                Latency.Result found = Latency.run(base, r -> lookup(lookups, r), bearer, clients, seconds);
                // the server's own floor at the same rate, beside the look-ups' (load on a shared machine moves both)
                Latency.Result healthAtRate = Latency.atRate(base, r -> "/health", null, clients, rate, seconds);
                Latency.Result atRate = Latency.atRate(base, r -> lookup(lookups, r), bearer, clients, rate, seconds);
                Set<Identifier> asked = new HashSet<>(lookups);
                Latency.Result first = Latency.each(
                        base,
                        firstLookups.stream()
                                .filter(id -> !asked.contains(id))
                                .distinct()
                                .map(id -> lookup(List.of(id), 0))
                                .toList(),
                        bearer,
                        clients);
                String page = "/api/campaigns/" + biggest.id() + "?max=10000";
                Latency.run(base, r -> page, bearer, 1, 3);
                Latency.Result campaignPage = Latency.run(base, r -> page, bearer, 1, Math.max(5, seconds / 2));
                return new Figures(
                        backend,
                        prepareRate,
                        ingest,
                        ingestCpu,
                        rebuild,
                        rebuildCpu,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        rows,
                        store.sizeOnDisk() + (jdbcUrl.isPresent() ? Folders.size(dir) : 0),
                        health,
                        found,
                        healthAtRate,
                        atRate,
                        first,
                        biggest.reportCount(),
                        campaignPage);
            }
        } finally {
            Folders.delete(dir);
        }
    }

    /** Generates, prepares and stages the reports a batch at a time, then hands an empty batch: the end. */
    private Void prepareAll(
            Intake intake,
            Store store,
            List<Identifier> lookups,
            List<Identifier> firstLookups,
            BlockingQueue<List<Store.Staged>> batches)
            throws InterruptedException {
        SplittableRandom pick = new SplittableRandom(seed);
        Workload workload = new Workload(seed);
        List<Store.Staged> batch = new ArrayList<>(BATCH);
        try {
            for (int i = 0; i < reports; i++) {
                NewReport report = workload.next();
                if (lookups.size() < LOOKUP_VALUES && pick.nextInt(Math.max(1, reports / LOOKUP_VALUES)) == 0) {
                    lookups.add(
                            report.declared().get(pick.nextInt(report.declared().size())));
                } else if (firstLookups.size() < FIRST_LOOKUPS
                        && pick.nextInt(Math.max(1, reports / FIRST_LOOKUPS)) == 0) {
                    firstLookups.add(
                            report.declared().get(pick.nextInt(report.declared().size())));
                }
                batch.add(store.stage(intake.prepare(report)));
                if (batch.size() == BATCH || i == reports - 1) {
                    batches.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        } finally {
            batches.put(List.of()); // the end, or a failure the storing thread then reads from the task
        }
        return null;
    }

    /** The baseline of the ingest: the same reports generated and prepared (analysed, hashed), nothing stored. */
    private double prepareOnly(Intake intake) {
        int n = Math.min(reports, 50_000);
        Workload workload = new Workload(seed);
        for (int i = 0; i < Math.min(n, 5_000); i++) {
            intake.prepare(workload.next()); // warm the JIT
        }
        workload = new Workload(seed);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            intake.prepare(workload.next());
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static String lookup(List<Identifier> values, int r) {
        Identifier id = values.get(r % values.size());
        return "/api/indicators/" + id.kind().id() + "/" + URLEncoder.encode(id.normalized(), StandardCharsets.UTF_8);
    }

    private void print(List<Figures> figures, PrintWriter out) {
        Table rows = new Table();
        for (Figures f : figures) {
            rows.add("prepare only, in memory (baseline)   reports/s", "%.0f".formatted(f.preparePerSecond()));
            rows.add("ingest + link                              s", "%.1f".formatted(f.ingestSeconds()));
            rows.add("ingest + link                      reports/s", "%.0f".formatted(reports / f.ingestSeconds()));
            rows.add("ingest + link, CPU of the storing thread   s", "%.1f".formatted(f.ingestCpuSeconds()));
            rows.add("full link rebuild                          s", "%.1f".formatted(f.rebuildSeconds()));
            rows.add("full link rebuild, CPU of its thread       s", "%.1f".formatted(f.rebuildCpuSeconds()));
            f.rows()
                    .forEach((table, n) ->
                            rows.add("rows per report: " + table, "%.2f".formatted(n / (double) reports)));
            rows.add("store size on disk                        MB", "%.1f".formatted(f.sizeBytes() / 1e6));
            rows.add("GET /health (baseline)             p50/p99 ms", Table.ms(f.health()));
            rows.add("look-ups, closed loop (max rate)   p50/p99 ms", Table.ms(f.lookups()));
            rows.add("look-ups, closed loop (max rate) req/s, errors", Table.rate(f.lookups()));
            rows.add("GET /health, open loop at %.0f/s   p50/p99 ms".formatted(rate), Table.ms(f.healthAtRate()));
            rows.add("GET /health, open loop at %.0f/s req/s, errors".formatted(rate), Table.rate(f.healthAtRate()));
            rows.add("look-ups, open loop at %.0f/s      p50/p99 ms".formatted(rate), Table.ms(f.lookupsAtRate()));
            rows.add("look-ups, open loop at %.0f/s   req/s, errors".formatted(rate), Table.rate(f.lookupsAtRate()));
            rows.add("first look-up of a value (none kept) p50/p99", Table.ms(f.firstLookups()));
            rows.add("first look-ups                  req/s, errors", Table.rate(f.firstLookups()));
            rows.add("biggest campaign                     reports", Integer.toString(f.campaignSize()));
            rows.add("GET /api/campaigns/{id}?max=10000  p50/p99 ms", Table.ms(f.campaignPage()));
            rows.add("load average (1 min) at the end of the run", "%.1f".formatted(f.loadAverage()));
        }
        rows.print(
                out,
                "== cross-referencing (issue 5) ==",
                figures.stream().map(Figures::backend).toList(),
                16);
    }
}
