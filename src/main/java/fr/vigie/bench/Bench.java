package fr.vigie.bench;

import fr.vigie.VigieException;
import fr.vigie.harmonise.Harmoniser;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Measures throughput of a stage against the bare mime4j baseline over the same corpus in the same run, for 1
 * and 2 threads, with the peak heap of each phase. Numbers are printed side by side with their ratio.
 */
public final class Bench {
    private final PrintStream out;
    private final double seconds;

    public Bench(PrintStream out, double seconds) {
        this.out = out;
        this.seconds = seconds;
    }

    /** Every regular file under the folders, read into memory (the corpus is small: tens of MB). */
    public static List<byte[]> loadCorpus(List<Path> folders, int max) throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".csv") || name.endsWith(".md") || name.equals("README")) {
                        continue;
                    }
                    if (corpus.size() < max) {
                        corpus.add(Files.readAllBytes(file));
                    }
                }
            }
        }
        return corpus;
    }

    public record Figure(String stage, int threads, double messagesPerSecond, long peakHeapBytes, long failures) {}

    /** Runs the baseline and the stage over the corpus for 1 and 2 threads and prints the table. */
    public List<Figure> compare(String stageName, List<byte[]> corpus, ToLongFunction<byte[]> stage)
            throws InterruptedException {
        List<Figure> figures = new ArrayList<>();
        out.printf(
                Locale.ROOT,
                "corpus: %d messages, %.1f MB; both warmed up (3 passes, %.0f s at least), then %.0f s each:"
                        + " baseline, stage, baseline again (the baseline figure is the mean of its two runs)%n",
                corpus.size(),
                corpus.stream().mapToLong(b -> b.length).sum() / 1e6,
                seconds / 2,
                seconds);
        for (int threads : new int[] {1, 2}) {
            // Both are warmed before either is measured, and the baseline is measured on both sides of the stage, so
            // that neither gains from JIT compilation or garbage left by the other.
            warm(threads, corpus, BareMimeParse::extract);
            warm(threads, corpus, stage);
            Figure before = measure("mime4j parse + text (baseline)", threads, corpus, BareMimeParse::extract);
            Figure mine = measure(stageName, threads, corpus, stage);
            Figure after = measure("mime4j parse + text (baseline)", threads, corpus, BareMimeParse::extract);
            Figure base = new Figure(
                    before.stage(),
                    threads,
                    (before.messagesPerSecond() + after.messagesPerSecond()) / 2,
                    Math.max(before.peakHeapBytes(), after.peakHeapBytes()),
                    before.failures() + after.failures());
            figures.add(base);
            figures.add(mine);
            out.printf(
                    Locale.ROOT,
                    "%-34s threads=%d  %9.0f msg/s  peak heap %5d MB%n",
                    base.stage(),
                    threads,
                    base.messagesPerSecond(),
                    base.peakHeapBytes() >> 20);
            out.printf(
                    Locale.ROOT,
                    "%-34s threads=%d  %9.0f msg/s  peak heap %5d MB  failures %d%n",
                    mine.stage(),
                    threads,
                    mine.messagesPerSecond(),
                    mine.peakHeapBytes() >> 20,
                    mine.failures());
            out.printf(
                    Locale.ROOT,
                    "ratio %s / baseline, %d thread(s): %.1f%%%n%n",
                    stageName,
                    threads,
                    100.0 * mine.messagesPerSecond() / base.messagesPerSecond());
        }
        return figures;
    }

    /** Regex-heavy code reaches its compiled speed only after a few passes over the corpus. */
    private void warm(int threads, List<byte[]> corpus, ToLongFunction<byte[]> stage) throws InterruptedException {
        long warmStart = System.nanoTime();
        long warmed = 0;
        while (warmed < 3L * corpus.size() || System.nanoTime() - warmStart < seconds * 1e9 / 2) {
            warmed += run(threads, corpus, stage, seconds / 4)[0];
        }
    }

    private Figure measure(String name, int threads, List<byte[]> corpus, ToLongFunction<byte[]> stage)
            throws InterruptedException {
        System.gc();
        resetPeaks();
        long[] result = run(threads, corpus, stage, seconds);
        double rate = result[0] / (result[1] / 1e9);
        return new Figure(name, threads, rate, peakHeap(), result[2]);
    }

    /** Returns {messages done, nanoseconds taken, failures}. */
    private static long[] run(int threads, List<byte[]> corpus, ToLongFunction<byte[]> stage, double seconds)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * corpus.size() / threads;
                int share = (t + 1) * corpus.size() / threads - offset;
                futures.add(pool.submit(() -> {
                    int i = offset;
                    // At least the thread's share of one whole pass, so that a slow stage is not measured on the
                    // corpus's first messages only (its first folder may be easier than the rest).
                    while (System.nanoTime() < deadline || i - offset < share) {
                        byte[] message = corpus.get(i++ % corpus.size());
                        try {
                            sink.addAndGet(stage.applyAsLong(message));
                        } catch (VigieException e) {
                            failures.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("benchmark worker failed", e.getCause());
                }
            }
        }
        return new long[] {done.get(), System.nanoTime() - start, failures.get()};
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The JVM's peak heap so far: the sum of each heap pool's peak (an upper bound of the true peak). */
    public static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The harmonisation stage as a benchmark function: characters of text produced, like the baseline. */
    public static ToLongFunction<byte[]> harmonisation(Harmoniser harmoniser) {
        return bytes -> harmoniser.harmonise(bytes).parts().stream()
                .mapToLong(p -> p.text().length())
                .sum();
    }
}
