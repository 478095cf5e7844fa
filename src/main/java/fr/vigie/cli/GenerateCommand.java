package fr.vigie.cli;

import fr.vigie.VigieException;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.bench.Workload;
import fr.vigie.report.Intake;
import fr.vigie.report.PreparedReport;
import fr.vigie.store.Store;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie generate}: synthetic reports with the skew of real reporting, for scale tests. */
@Command(
        name = "generate",
        description = "Store N synthetic reports (campaigns, shared identifiers, template letters) for scale tests.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--reports", paramLabel = "N", required = true, description = "how many reports")
    long reports;

    @Option(
            names = "--seed",
            description = "the same seed gives the same reports (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    long seed;

    @Option(
            names = "--batch",
            description = "reports per transaction (default: ${DEFAULT-VALUE})",
            defaultValue = "1000")
    int batch;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (reports < 1 || reports > 100_000_000 || batch < 1 || batch > 100_000) {
            err.println("vigie generate: --reports 1-100000000, --batch 1-100000");
            return 2;
        }
        Config config = storeOptions.apply(Config.defaults());
        Intake intake = new App(config).intake();
        Workload workload = new Workload(seed);
        try (Store store = Store.open(config)) {
            long start = System.nanoTime();
            long stored = 0;
            long identifiers = 0;
            long nextReport = start;
            List<PreparedReport> pending = new ArrayList<>(batch);
            for (long i = 0; i < reports; i++) {
                PreparedReport p = intake.prepare(workload.next());
                identifiers += p.identifiers().size();
                pending.add(p);
                if (pending.size() == batch || i == reports - 1) {
                    stored += store.submitAll(pending).stream()
                            .filter(s -> !s.duplicate())
                            .count();
                    pending.clear();
                    if (System.nanoTime() > nextReport) {
                        err.printf(Locale.ROOT, "\rgenerate: %,d / %,d reports", stored, reports);
                        err.flush();
                        nextReport = System.nanoTime() + 2_000_000_000L;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            err.println();
            out.printf(
                    Locale.ROOT,
                    "generated %,d reports (%,d identifier rows, %.2f per report) in %.1f s (%.0f reports/s); store"
                            + " %.1f MB on disk%n",
                    stored,
                    identifiers,
                    identifiers / (double) Math.max(1, stored),
                    seconds,
                    stored / seconds,
                    store.sizeOnDisk() / 1e6);
            return 0;
        } catch (VigieException e) {
            err.println("vigie generate: " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
    }
}
