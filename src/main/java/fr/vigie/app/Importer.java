package fr.vigie.app;

import fr.vigie.BadInputException;
import fr.vigie.harmonise.Harmoniser;
import fr.vigie.harmonise.Mbox;
import fr.vigie.i18n.Lang;
import fr.vigie.report.Channel;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.Intake;
import fr.vigie.report.NewReport;
import fr.vigie.report.PreparedReport;
import fr.vigie.report.Situation;
import fr.vigie.report.Submission;
import fr.vigie.store.Store;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code vigie import}: every message of some files, folders and mailboxes becomes a report (source
 * {@code import}), analysed as {@code vigie check} would. Streamed: at most one batch of messages is in memory.
 * Each batch is one transaction, so an interruption loses at most the batch being written, and a second run
 * recognises what the first one stored (same bytes, same submission key) and only counts it as a duplicate: an
 * import can be resumed by running it again.
 */
public final class Importer {
    /** What the caller sees going by: bytes read out of the total. */
    public interface Progress {
        /** For callers with no one to show progress to. */
        Progress NONE = new Progress() {
            @Override
            public void total(long bytes) {}

            @Override
            public void advance(long bytes, Summary sofar) {}
        };

        void total(long bytes);

        void advance(long bytes, Summary sofar);
    }

    /** What the import did. {@code rejected} counts refused messages by the reason's code. */
    public record Summary(
            long imported,
            long duplicates,
            Map<String, Long> rejected,
            long bytes,
            Duration took,
            Duration waitingForAnalysis,
            Duration storing) {
        public long rejectedCount() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }

        public long messages() {
            return imported + duplicates + rejectedCount();
        }
    }

    /** One message read from the inputs, or why it could not be. */
    private record Item(String name, byte[] bytes, BadInputException error, long size) {}

    /** Told of the reports newly stored, batch by batch (the search index listens). */
    public interface Stored {
        void stored(List<Map.Entry<String, PreparedReport>> reports);
    }

    private final Harmoniser harmoniser;
    private final Intake intake;
    private final Store store;
    private final String country;
    private final int threads;
    private final int batchSize;

    public Importer(Harmoniser harmoniser, Intake intake, Store store, String country, int threads, int batchSize) {
        this.harmoniser = harmoniser;
        this.intake = intake;
        this.store = store;
        this.country = country;
        this.threads = threads;
        this.batchSize = batchSize;
    }

    /** The files under the inputs, folders walked in name order (hidden files skipped). */
    public static List<Path> files(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    public Summary run(List<Path> files, Progress progress, Stored listener) {
        long start = System.nanoTime();
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                // counted as rejected when it is read
            }
        }
        progress.total(total);
        Counts counts = new Counts();
        ExecutorService pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().daemon().factory());
        try {
            // While one batch is written, the next is analysed: the store and the analysis overlap.
            List<Item> batch = new ArrayList<>(batchSize);
            Analysing previous = null;
            for (Path file : files) {
                for (var it = items(file); it.hasNext(); ) {
                    batch.add(it.next());
                    if (batch.size() == batchSize) {
                        Analysing next = analyse(batch, pool);
                        if (previous != null) {
                            store(previous, counts, progress, start, listener);
                        }
                        previous = next;
                        batch = new ArrayList<>(batchSize);
                    }
                }
            }
            Analysing last = analyse(batch, pool);
            if (previous != null) {
                store(previous, counts, progress, start, listener);
            }
            store(last, counts, progress, start, listener);
        } finally {
            pool.shutdownNow();
        }
        return counts.summary(start);
    }

    /** A batch handed to the analysis threads. */
    private record Analysing(List<Item> items, List<Future<Optional<PreparedReport>>> futures) {}

    private Analysing analyse(List<Item> batch, ExecutorService pool) {
        List<Future<Optional<PreparedReport>>> futures = new ArrayList<>();
        for (Item item : batch) {
            futures.add(pool.submit(() -> prepare(item)));
        }
        return new Analysing(batch, futures);
    }

    private void store(Analysing analysing, Counts counts, Progress progress, long start, Stored listener) {
        List<Item> batch = analysing.items();
        List<Future<Optional<PreparedReport>>> futures = analysing.futures();
        if (batch.isEmpty()) {
            return;
        }
        long waiting = System.nanoTime();
        List<PreparedReport> ready = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < batch.size(); i++) {
            Item item = batch.get(i);
            bytes += item.size();
            try {
                Optional<PreparedReport> p = futures.get(i).get();
                if (p.isPresent()) {
                    Optional<String> refusal = p.get().evidence().get(0).refusal();
                    if (refusal.isPresent()) {
                        counts.reject(refusal.get());
                    } else {
                        ready.add(p.get());
                    }
                } else {
                    counts.reject(item.error().code());
                }
            } catch (ExecutionException e) {
                counts.reject(e.getCause() instanceof BadInputException bad ? bad.code() : "internal");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            }
        }
        long storing = System.nanoTime();
        counts.analyseNanos += storing - waiting;
        List<Submission> stored = store.submitAll(ready);
        counts.storeNanos += System.nanoTime() - storing;
        List<Map.Entry<String, PreparedReport>> fresh = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Submission s = stored.get(i);
            if (s.duplicate()) {
                counts.duplicates++;
            } else {
                counts.imported++;
                fresh.add(Map.entry(s.id(), ready.get(i)));
            }
        }
        listener.stored(fresh);
        counts.bytes += bytes;
        progress.advance(bytes, counts.summary(start));
    }

    private Optional<PreparedReport> prepare(Item item) {
        if (item.error() != null) {
            return Optional.empty();
        }
        boolean mail = Harmoniser.looksLikeEmail(item.bytes());
        NewReport report = new NewReport(
                Optional.empty(),
                new Situation(false, country, Lang.FR),
                mail ? Channel.EMAIL : Channel.OTHER,
                "",
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(new EvidenceFile(item.name(), mail ? "message/rfc822" : "text/plain", item.bytes())),
                "import");
        return Optional.of(intake.prepare(report));
    }

    /** The messages of one file: each message of an mbox, or the file as one message. */
    private java.util.Iterator<Item> items(Path file) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536);
            in.mark(8);
            byte[] head = in.readNBytes(5);
            in.reset();
            Mbox mbox = harmoniser.mbox(in);
            if (!Mbox.looksLikeMbox(head) && size > harmoniser.limits().maxMessageBytes()) {
                in.close();
                return List.of(new Item(
                                name,
                                null,
                                new BadInputException("limit.maxMessageBytes", "larger than a message may be"),
                                size))
                        .iterator();
            }
            if (!Mbox.looksLikeMbox(head)) {
                byte[] bytes;
                try (in) {
                    bytes = in.readAllBytes();
                }
                return List.of(new Item(name, bytes, null, size)).iterator();
            }
            return new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = mbox.hasNext();
                    if (!more) {
                        try {
                            in.close();
                        } catch (IOException ignored) {
                            // read to the end already
                        }
                    }
                    return more;
                }

                @Override
                public Item next() {
                    Mbox.Entry e = mbox.next();
                    String entryName = name + "#" + e.number();
                    long length = e.bytes() == null ? 0 : e.bytes().length;
                    return new Item(entryName, e.bytes(), e.error(), length);
                }
            };
        } catch (IOException | UncheckedIOException e) {
            return List.of(new Item(name, null, new BadInputException("unreadable", "cannot be read"), 0))
                    .iterator();
        }
    }

    private static final class Counts {
        long imported;
        long duplicates;
        long bytes;
        long analyseNanos;
        long storeNanos;
        final Map<String, Long> rejected = new TreeMap<>();

        void reject(String code) {
            rejected.merge(code, 1L, Long::sum);
        }

        Summary summary(long start) {
            return new Summary(
                    imported,
                    duplicates,
                    new TreeMap<>(rejected),
                    bytes,
                    Duration.ofNanos(System.nanoTime() - start),
                    Duration.ofNanos(analyseNanos),
                    Duration.ofNanos(storeNanos));
        }
    }
}
