package fr.vigie.cli;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.bench.Bench;
import fr.vigie.detect.Detector;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie bench}: harmonisation throughput beside bare mime4j parsing, and the streamed-mbox heap check. */
@Command(
        name = "bench",
        description = "Measure harmonisation and the whole check against bare mime4j parsing.",
        subcommands = {
            StoreBenchCommand.class,
            LinksBenchCommand.class,
            PrivacyBenchCommand.class,
            DossierBenchCommand.class
        })
final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--seconds",
            description = "seconds per measurement (default: ${DEFAULT-VALUE})",
            defaultValue = "10")
    double seconds;

    @Option(names = "--corpus", paramLabel = "DIR", description = "corpus folders (default: the shared e-mail corpora)")
    List<Path> corpus = new ArrayList<>(
            List.of(Path.of("../shared/data/spamassassin-testdata"), Path.of("../shared/data/phishing-pot")));

    @Option(
            names = "--mbox-messages",
            description = "messages in the streamed mbox heap check (default: ${DEFAULT-VALUE})",
            defaultValue = "1000")
    int mboxMessages;

    @Option(
            names = "--mbox-heap",
            description = "heap of the child JVM for the mbox check (default: ${DEFAULT-VALUE})",
            defaultValue = "256m")
    String mboxHeap;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(new WriterStream(spec.commandLine().getOut()), true, "UTF-8");
        List<byte[]> messages = Bench.loadCorpus(corpus, Integer.MAX_VALUE);
        if (messages.isEmpty()) {
            spec.commandLine().getErr().println("vigie bench: no messages under " + corpus + " (pass --corpus DIR)");
            return Main.UNREADABLE_INPUT;
        }
        App app = new App(Config.defaults());
        long loadStart = System.nanoTime();
        Detector detector = app.detector();
        out.printf(
                "model load (read the shipped model, build the detector; first time in this JVM): %d ms%n%n",
                (System.nanoTime() - loadStart) / 1_000_000);
        Bench bench = new Bench(out, seconds);
        out.println("== harmonisation (issue 2) vs bare mime4j parse + text extraction ==");
        bench.compare("harmonise", messages, Bench.harmonisation(app.harmoniser()));
        out.println("== whole check: harmonise + rules + model (issue 3) vs bare mime4j parse + text extraction ==");
        bench.compare("check", messages, bytes -> {
            var analysis = detector.analyse(app.harmoniser().harmonise(bytes));
            return analysis.redFlags().size() + analysis.score();
        });
        out.println("== streamed mbox: " + mboxMessages + " messages through `vigie check --json` in a JVM with -Xmx"
                + mboxHeap + " ==");
        return streamedMbox(messages, out);
    }

    private int streamedMbox(List<byte[]> messages, PrintStream out) throws IOException, InterruptedException {
        Path mbox = Files.createTempFile("vigie-bench", ".mbox");
        Path json = Files.createTempFile("vigie-bench", ".jsonl");
        try {
            try (OutputStream file = Files.newOutputStream(mbox)) {
                for (int i = 0; i < mboxMessages; i++) {
                    file.write("From bench@example.org Thu Jan  1 00:00:00 2026\n".getBytes(StandardCharsets.US_ASCII));
                    file.write(mboxSafe(messages.get(i % messages.size())));
                    file.write('\n');
                }
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(
                            java,
                            "-Xmx" + mboxHeap,
                            "-XX:+UseSerialGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "fr.vigie.cli.Main",
                            "check",
                            "--json",
                            "--report-heap",
                            mbox.toString())
                    .redirectOutput(json.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            String errors = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = child.waitFor(10, TimeUnit.MINUTES);
            long lines;
            try (var stream = Files.lines(json)) {
                lines = stream.count();
            }
            String heapLine = errors.lines()
                    .filter(l -> l.startsWith("peak heap"))
                    .findFirst()
                    .orElse("peak heap: ?");
            out.printf(
                    "mbox of %d messages (%.1f MB): exit %s, %d JSON lines, %s%n",
                    mboxMessages,
                    Files.size(mbox) / 1e6,
                    finished ? String.valueOf(child.exitValue()) : "timeout",
                    lines,
                    heapLine);
            return finished && lines == mboxMessages ? 0 : 1;
        } finally {
            Files.deleteIfExists(mbox);
            Files.deleteIfExists(json);
        }
    }

    /** Quotes lines that would read as mbox separators, as mboxrd does. */
    private static byte[] mboxSafe(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        return text.replaceAll("(?m)^(>*From )", ">$1").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Lets the benchmark print through picocli's writer. */
    private static final class WriterStream extends OutputStream {
        private final java.io.PrintWriter writer;

        WriterStream(java.io.PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b);
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
