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
 * {@code import}), analysed as {@code vigie check} would. Streamed through a pipeline (read, analyse and stage on
 * every core, write, index) holding at most three batches of messages. Each batch is one transaction, so an
 * interruption loses at most the batches not yet committed, and a second run recognises what the first one stored
 * (same bytes, same submission key) and only counts it as a duplicate: an import can be resumed by running it again.
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

    /**
     * Imports every message of {@code files}: a pipeline of three stages, so that the analysis threads never wait
     * for a write. This thread reads the messages and hands each to the analysis threads; a writer thread takes
     * their results in input order and stores them {@code batchSize} at a time, one transaction each, then tells
     * {@code listener}. At most {@link #inFlight} messages are read and not yet stored (memory stays bounded): one
     * batch being written and two being analysed.
     *
     * @throws fr.vigie.VigieException when a batch could not be stored (the batches before it are kept)
     */
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
        Writer writer = new Writer(counts, progress, start, listener);
        Thread writing =
                Thread.ofPlatform().name("vigie-import-writer").daemon().start(writer);
        try {
            List<Item> group = new ArrayList<>(LOOKUP_GROUP);
            for (Path file : files) {
                for (var it = items(file); it.hasNext() && writer.failure == null; ) {
                    group.add(it.next());
                    if (group.size() == LOOKUP_GROUP) {
                        hand(group, pool, writer);
                        group.clear();
                    }
                }
                if (writer.failure != null) {
                    break;
                }
            }
            hand(group, pool, writer);
            writer.queue.put(Slot.END);
            writing.join();
            writer.indexed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writing.interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (RuntimeException e) {
            writing.interrupt(); // the store could not be asked (hand): the writer stops too
            throw e;
        } finally {
            pool.shutdownNow();
        }
        if (writer.failure != null) {
            throw writer.failure;
        }
        return counts.summary(start);
    }

    /** Messages looked up in the store together (one query) before they are handed to the analysis threads. */
    private static final int LOOKUP_GROUP = 64;

    /**
     * Hands a group of messages read to the analysis threads, in order, each with its report and whether a report
     * of the same submission is stored already (an import run again after an interruption): one query for the
     * group, instead of one per message on the analysis threads. Stops handing when the writer failed.
     */
    private void hand(List<Item> group, ExecutorService pool, Writer writer) throws InterruptedException {
        List<Optional<NewReport>> reports = new ArrayList<>(group.size());
        Map<Integer, String> keys = new java.util.HashMap<>();
        for (int i = 0; i < group.size(); i++) {
            Optional<NewReport> report = report(group.get(i));
            reports.add(report);
            if (report.isPresent()) {
                keys.put(i, intake.submissionKey(report.get()));
            }
        }
        java.util.Set<String> stored = store.submittedAmong(java.util.Set.copyOf(keys.values()));
        for (int i = 0; i < group.size(); i++) {
            if (!writer.room(1)) {
                return; // the writer failed: its error is thrown by run
            }
            Item item = group.get(i);
            Optional<NewReport> report = reports.get(i);
            boolean known = keys.containsKey(i) && stored.contains(keys.get(i));
            writer.queue.put(new Slot(item, pool.submit(() -> analyse(report, known))));
        }
    }

    /** How many messages may be read and not yet stored. */
    private int inFlight() {
        return 3 * batchSize;
    }

    /** A message handed to the analysis threads, in input order; {@link #END} closes the queue. */
    private record Slot(Item item, Future<Optional<Analysed>> analysis) {
        static final Slot END = new Slot(null, null);
    }

    /**
     * A message analysed, and staged for the store unless its evidence was refused; or {@link #STORED}, a message
     * stored by an earlier run, not analysed again.
     */
    private record Analysed(PreparedReport report, Store.Staged staged) {
        static final Analysed STORED = new Analysed(null, null);
    }

    /**
     * On an analysis thread: the analysis, then the store's own preparation (fingerprints, sealing), off the writer's
     * thread. A message already stored (the same submission key, {@link #hand}) is not analysed: an import run again
     * after an interruption goes through what it did at the speed of hashing. (One that is not is still checked by
     * the writer, which also finds duplicates within the run.)
     */
    private Optional<Analysed> analyse(Optional<NewReport> report, boolean stored) {
        if (report.isEmpty()) {
            return Optional.empty();
        }
        if (stored) {
            return Optional.of(Analysed.STORED);
        }
        PreparedReport p = intake.prepare(report.get());
        return Optional.of(new Analysed(p, p.evidence().get(0).refusal().isPresent() ? null : store.stage(p)));
    }

    /**
     * The writing stage: results in input order, stored a batch at a time; each batch stored is then handed to the
     * listener (the search index) on a thread of its own, so that the next batch is written meanwhile.
     */
    private final class Writer implements Runnable {
        final java.util.concurrent.BlockingQueue<Slot> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        final ExecutorService indexing = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("vigie-import-index").daemon().factory());
        final List<Future<?>> indexed = new ArrayList<>();
        final java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(inFlight());
        final Counts counts;
        final Progress progress;
        final long start;
        final Stored listener;
        volatile RuntimeException failure;

        Writer(Counts counts, Progress progress, long start, Stored listener) {
            this.counts = counts;
            this.progress = progress;
            this.start = start;
            this.listener = listener;
        }

        /** Waits for room for {@code n} more messages; false when the writer failed (nothing more is stored). */
        boolean room(int n) throws InterruptedException {
            while (failure == null) {
                if (room.tryAcquire(n, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void run() {
            try {
                List<Slot> batch = new ArrayList<>(batchSize);
                for (Slot slot = queue.take(); slot != Slot.END; slot = queue.take()) {
                    batch.add(slot);
                    if (batch.size() == batchSize) {
                        store(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
                store(batch);
            } catch (InterruptedException e) {
                failure = new IllegalStateException("import interrupted", e);
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        /** Waits until every batch stored was handed to the listener; the first failure of the listener is thrown. */
        void indexed() throws InterruptedException {
            try {
                for (Future<?> f : indexed) {
                    f.get();
                }
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r
                            ? r
                            : new IllegalStateException("the search index failed", e.getCause());
                }
            } finally {
                indexing.shutdownNow();
            }
        }

        private void store(List<Slot> batch) throws InterruptedException {
            if (batch.isEmpty()) {
                return;
            }
            long waiting = System.nanoTime();
            List<Store.Staged> ready = new ArrayList<>();
            long bytes = 0;
            for (Slot slot : batch) {
                Item item = slot.item();
                bytes += item.size();
                try {
                    Optional<Analysed> a = slot.analysis().get();
                    if (a.isPresent() && a.get() == Analysed.STORED) {
                        counts.duplicates++;
                    } else if (a.isPresent()) {
                        Optional<String> refusal =
                                a.get().report().evidence().get(0).refusal();
                        if (refusal.isPresent()) {
                            counts.reject(refusal.get());
                        } else {
                            ready.add(a.get().staged());
                        }
                    } else {
                        counts.reject(item.error().code());
                    }
                } catch (ExecutionException e) {
                    counts.reject(e.getCause() instanceof BadInputException bad ? bad.code() : "internal");
                }
            }
            long storing = System.nanoTime();
            counts.analyseNanos += storing - waiting;
            List<Submission> stored = store.submitStaged(ready);
            counts.storeNanos += System.nanoTime() - storing;
            List<Map.Entry<String, PreparedReport>> fresh = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                Submission s = stored.get(i);
                if (s.duplicate()) {
                    counts.duplicates++;
                } else {
                    counts.imported++;
                    fresh.add(Map.entry(s.id(), ready.get(i).report()));
                }
            }
            counts.bytes += bytes;
            int size = batch.size();
            indexed.add(indexing.submit(() -> {
                try {
                    listener.stored(fresh);
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e; // the reading stops; the batches in flight are still stored
                    }
                    throw e;
                } finally {
                    room.release(size); // the reports leave memory once indexed
                }
            }));
            progress.advance(bytes, counts.summary(start));
        }
    }

    /** The report a message makes, unless it could not be read. */
    private Optional<NewReport> report(Item item) {
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
        return Optional.of(report);
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
