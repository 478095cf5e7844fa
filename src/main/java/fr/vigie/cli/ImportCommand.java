package fr.vigie.cli;

import fr.vigie.VigieException;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Importer;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie import}: bulk reports from messages — a spam trap, a mailbox of forwarded scams. */
@Command(
        name = "import",
        description = "Store every message of files, folders and mailboxes as a report (resumable: run it again).")
final class ImportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "DIR|MBOX|FILE", arity = "1..*", description = "folders, mbox files or messages")
    List<Path> inputs;

    @Option(names = "--country", paramLabel = "CC", description = "country of the reports (default: FR)")
    String country = "FR";

    @Option(names = "--threads", description = "analysis threads (default: the number of cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--batch", description = "reports per transaction (default: 200)")
    int batch = 200;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!country.matches("[A-Za-z]{2}") || threads < 1 || threads > 64 || batch < 1 || batch > 10_000) {
            err.println("vigie import: --country is two letters, --threads 1-64, --batch 1-10000");
            return 2;
        }
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                err.println("vigie import: no such file or folder: " + input);
                return Main.UNREADABLE_INPUT;
            }
        }
        Config config = storeOptions.apply(Config.defaults()).withCountry(country.toUpperCase(Locale.ROOT));
        App app = new App(config);
        List<Path> files = Importer.files(inputs);
        try (Store store = Store.open(config);
                SearchIndex index = SearchIndex.open(config.dataDir().resolve("index"))) {
            Importer.Stored indexer = reports -> index.addBulk(reports.stream()
                    .map(e -> Store.indexable(e.getKey(), e.getValue()))
                    .toList());
            Importer importer = new Importer(app.harmoniser(), app.intake(), store, config.country(), threads, batch);
            Importer.Summary summary;
            if (System.console() != null && !json) {
                try (ProgressBar bar = new ProgressBarBuilder()
                        .setTaskName("import")
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" MB", 1 << 20)
                        .setInitialMax(1)
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .build()) {
                    summary = importer.run(
                            files,
                            new Importer.Progress() {
                                @Override
                                public void total(long bytes) {
                                    bar.maxHint(Math.max(1, bytes));
                                }

                                @Override
                                public void advance(long bytes, Importer.Summary sofar) {
                                    bar.stepBy(bytes);
                                    bar.setExtraMessage(" " + sofar.messages() + " messages");
                                }
                            },
                            indexer);
                }
            } else {
                summary = importer.run(files, Importer.Progress.NONE, indexer);
            }
            print(summary, out);
            return summary.rejectedCount() == 0 ? 0 : Main.UNREADABLE_INPUT;
        } catch (VigieException e) {
            err.println("vigie import: " + e.getMessage());
            if (System.getenv("VIGIE_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return Main.UNREADABLE_INPUT;
        }
    }

    private void print(Importer.Summary s, PrintWriter out) {
        double seconds = Math.max(1e-9, s.took().toNanos() / 1e9);
        if (json) {
            var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            node.put("imported", s.imported());
            node.put("duplicates", s.duplicates());
            var rejected = node.putObject("rejected");
            s.rejected().forEach(rejected::put);
            node.put("messages", s.messages());
            node.put("bytes", s.bytes());
            node.put("seconds", Math.round(seconds * 1000) / 1000.0);
            node.put("messagesPerSecond", Math.round(s.messages() / seconds));
            out.println(node.toString());
            return;
        }
        out.printf(
                Locale.ROOT,
                "imported %d, duplicates %d (already in the store), rejected %d — %d messages in %.1f s (%.0f/s)%n",
                s.imported(),
                s.duplicates(),
                s.rejectedCount(),
                s.messages(),
                seconds,
                s.messages() / seconds);
        out.printf(
                Locale.ROOT,
                "  waiting for the analysis %.1f s, storing %.1f s (the two overlap)%n",
                s.waitingForAnalysis().toNanos() / 1e9,
                s.storing().toNanos() / 1e9);
        for (Map.Entry<String, Long> r : s.rejected().entrySet()) {
            out.printf(Locale.ROOT, "  rejected %d: %s%n", r.getValue(), r.getKey());
        }
    }
}
