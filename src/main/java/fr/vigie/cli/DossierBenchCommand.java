package fr.vigie.cli;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Dossiers;
import fr.vigie.bench.CampaignWorkload;
import fr.vigie.bench.Folders;
import fr.vigie.dossier.CampaignDossier;
import fr.vigie.i18n.Lang;
import fr.vigie.report.Intake;
import fr.vigie.report.PreparedReport;
import fr.vigie.report.Submission;
import fr.vigie.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench dossier}: a synthetic campaign of N reports (each with its e-mail, analysed and stored in a
 * temporary embedded store), then the campaign dossier written N times over, beside two baselines measured in the
 * same run: reading the campaign's reports without drawing anything, and one report's dossier. Time and peak heap
 * for each; run the JVM with {@code -Xmx100m} ({@code VIGIE_JAVA_OPTS}) to check the heap target.
 */
@Command(
        name = "dossier",
        description = "Time and peak heap of a campaign dossier of N reports, beside reading the campaign and a"
                + " one-report dossier.")
final class DossierBenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--reports",
            description = "reports in the campaign (default: ${DEFAULT-VALUE})",
            defaultValue = "1000")
    int reports;

    @Option(names = "--runs", description = "measured runs of each (default: ${DEFAULT-VALUE})", defaultValue = "5")
    int runs;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the campaign dossier there, to look at")
    Path pdf;

    /** One measured run: how long, the peak heap during it, and what it produced. */
    private record Run(double seconds, long heapBefore, long peakHeap, long bytes) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (reports < 1 || reports > 100_000 || runs < 1 || runs > 100) {
            spec.commandLine().getErr().println("vigie bench dossier: --reports 1-100000, --runs 1-100");
            return 2;
        }
        Path dir = Files.createTempDirectory("vigie-bench-dossier");
        try {
            Config config = Config.defaults().withDataDir(dir).withJdbcUrl(null);
            App app = new App(config);
            try (Store store = Store.open(config)) {
                long start = System.nanoTime();
                String first = generate(app.intake(), store);
                out.printf(
                        Locale.ROOT,
                        "stored a synthetic campaign of %d reports with their e-mails in %.1f s; JVM max heap %d MB%n",
                        reports,
                        (System.nanoTime() - start) / 1e9,
                        Runtime.getRuntime().maxMemory() >> 20);
                Dossiers dossiers = app.dossiers(store, Clock.systemUTC());
                String campaign = store.campaignOf(first).orElseThrow().id();
                int size = dossiers.campaign(campaign).orElseThrow().reportCount();
                out.printf(Locale.ROOT, "campaign %s: %d reports%n", campaign, size);
                out.flush();

                Measured read = () -> {
                    CampaignDossier c = dossiers.campaign(campaign).orElseThrow();
                    long[] evidence = {0};
                    c.reports().forEach(r -> evidence[0] += r.evidence().size());
                    return evidence[0];
                };
                Measured one = () -> {
                    Counting sink = new Counting();
                    dossiers.write(dossiers.victim(first, Optional.of(Lang.FR)).orElseThrow(), Lang.FR, sink);
                    return sink.count;
                };
                Measured whole = () -> {
                    Counting sink = new Counting();
                    dossiers.write(dossiers.campaign(campaign).orElseThrow(), Lang.FR, sink);
                    return sink.count;
                };
                // One untimed pass of each first: the figures are those of a warm JVM, not of the compiler.
                read.run();
                one.run();
                whole.run();
                List<Run> reading = measure(read);
                List<Run> single = measure(one);
                List<Run> dossier = measure(whole);
                out.println();
                out.printf(Locale.ROOT, "== dossier (issue 6): %d runs each, median / worst ==%n", runs);
                out.printf(Locale.ROOT, "%-52s %16s %18s %12s%n", "", "time (s)", "peak heap (MB)", "before (MB)");
                print(out, "read the campaign's " + size + " reports, no PDF (baseline)", reading);
                print(out, "one report's dossier (baseline)", single);
                print(out, "campaign dossier of " + size + " reports", dossier);
                if (pdf != null) {
                    try (OutputStream file = Files.newOutputStream(pdf)) {
                        dossiers.write(dossiers.campaign(campaign).orElseThrow(), Lang.FR, file);
                    }
                }
                out.printf(
                        Locale.ROOT,
                        "campaign dossier: %.2f MB of PDF; target under 2 s and under 100 MB of heap%n",
                        dossier.get(0).bytes() / 1e6);
                out.println(
                        "peak heap: the heap pools' peaks summed (an upper bound); before: the heap in use after a GC,"
                                + " before the run (the model, the store's cache: what any command holds)");
                out.printf(
                        Locale.ROOT,
                        "%d cores, load average %.1f during the run (the figures are slower on a busy machine)%n",
                        Runtime.getRuntime().availableProcessors(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                out.flush();
            }
            return 0;
        } finally {
            Folders.delete(dir);
        }
    }

    /** Stores the campaign in batches; returns its first report's id. */
    private String generate(Intake intake, Store store) {
        CampaignWorkload workload = new CampaignWorkload(1);
        String first = null;
        List<PreparedReport> batch = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            batch.add(intake.prepare(workload.next()));
            if (batch.size() == 100 || i == reports - 1) {
                List<Submission> stored = store.submitAll(batch);
                first = first == null ? stored.get(0).id() : first;
                batch.clear();
            }
        }
        return first;
    }

    private interface Measured {
        long run() throws IOException;
    }

    private List<Run> measure(Measured measured) throws IOException {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        List<Run> done = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            System.gc();
            long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            long bytes = measured.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            done.add(new Run(seconds, before, peak, bytes));
        }
        return done;
    }

    private static void print(PrintWriter out, String name, List<Run> done) {
        double[] seconds = done.stream().mapToDouble(Run::seconds).sorted().toArray();
        long[] peaks = done.stream().mapToLong(Run::peakHeap).sorted().toArray();
        out.printf(
                Locale.ROOT,
                "%-52s %7.3f / %6.3f %8.1f / %7.1f %12.1f%n",
                name,
                seconds[seconds.length / 2],
                seconds[seconds.length - 1],
                peaks[peaks.length / 2] / 1048576.0,
                Arrays.stream(peaks).max().orElse(0) / 1048576.0,
                done.stream().mapToLong(Run::heapBefore).sorted().toArray()[done.size() / 2] / 1048576.0);
    }

    /** Counts the bytes written and keeps none. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
