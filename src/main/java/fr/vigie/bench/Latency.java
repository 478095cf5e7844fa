package fr.vigie.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Load on one HTTP route from {@code clients} virtual threads, for a fixed time; every latency is kept, so the
 * percentiles are exact. Closed loop ({@link #run}): each client sends, waits for the answer and sends the next, so
 * the rate is whatever the server gives and, by Little's law, the mean latency is {@code clients / rate}. Open loop
 * ({@link #atRate}): the requests are due at a fixed total rate whatever the answers, and each latency runs from
 * when its request was due, so a request held up behind a slow one counts the wait (no coordinated omission).
 */
public final class Latency {
    /** What a run measured. {@code errors} counts answers other than 200 and failed requests. */
    public record Result(long requests, long errors, double seconds, long p50Nanos, long p99Nanos, long maxNanos) {
        public double perSecond() {
            return requests / seconds;
        }
    }

    private Latency() {}

    /**
     * Closed-loop GETs over one kept-alive connection per client ({@link KeepAlive}: a client that costs little, as
     * it shares the cores with the server it measures).
     *
     * @param path the i-th client's next path, given a random number (the client picks which report to read)
     * @param authorization the Authorization header, or null
     */
    public static Result run(String base, IntFunction<String> path, String authorization, int clients, double seconds)
            throws InterruptedException {
        URI uri = URI.create(base);
        return load(
                () -> new Sender() {
                    private final KeepAlive connection = new KeepAlive(uri);

                    @Override
                    public int send(int random) throws Exception {
                        return connection.get(path.apply(random), authorization);
                    }

                    @Override
                    public void close() {
                        connection.close();
                    }
                },
                clients,
                seconds);
    }

    /**
     * Open-loop GETs: {@code perSecond} requests in all, due at even intervals and dealt round the {@code clients}
     * (each over its own kept-alive connection); a latency is measured from when its request was due, not from when
     * a busy client got round to sending it. When the server cannot keep up, the latencies grow with the backlog;
     * requests still unsent half the run's time after its end count as errors (and have no latency).
     */
    public static Result atRate(
            String base, IntFunction<String> path, String authorization, int clients, double perSecond, double seconds)
            throws InterruptedException {
        URI uri = URI.create(base);
        long interval = (long) (1e9 * clients / perSecond); // between two requests of one client
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long grace = (long) (seconds * 1e9) / 2;
        long start = System.nanoTime();
        return clients(clients, (c, latencies, errors) -> {
            long first = start + (long) (c * 1e9 / perSecond);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try (KeepAlive connection = new KeepAlive(uri)) {
                long due = first;
                for (; due < end && System.nanoTime() < end + grace; due += interval) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    int pick = random.nextInt(Integer.MAX_VALUE);
                    count(() -> connection.get(path.apply(pick), authorization), OK, errors);
                    latencies.add(System.nanoTime() - due);
                }
                // A server that cannot keep up would leave a backlog of hours: what was due and not sent
                // within the grace is counted as failed, not waited for.
                for (; due < end; due += interval) {
                    errors.incrementAndGet();
                }
            }
        });
    }

    /**
     * Closed-loop GETs of each of {@code paths} once, shared among {@code clients}: what a first request costs when
     * the server has kept nothing of an earlier one.
     */
    public static Result each(String base, List<String> paths, String authorization, int clients)
            throws InterruptedException {
        URI uri = URI.create(base);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        return clients(clients, (c, latencies, errors) -> {
            try (KeepAlive connection = new KeepAlive(uri)) {
                for (int i = next.getAndIncrement(); i < paths.size(); i = next.getAndIncrement()) {
                    String path = paths.get(i);
                    long t0 = System.nanoTime();
                    count(() -> connection.get(path, authorization), OK, errors);
                    latencies.add(System.nanoTime() - t0);
                }
            }
        });
    }

    /**
     * Closed-loop load of any requests (a POST with its body, say); 200 and 201 are successes.
     *
     * @param request the next request, given a random number
     */
    public static Result requests(IntFunction<HttpRequest.Builder> request, int clients, double seconds)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try {
            return load(
                    () -> random -> http.send(
                                    request.apply(random)
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray())
                            .statusCode(),
                    clients,
                    seconds);
        } finally {
            http.close();
        }
    }

    /** One client's way of sending its next request, given a random number; the answer's status code. */
    private interface Sender extends AutoCloseable {
        int send(int random) throws Exception;

        @Override
        default void close() {}
    }

    /** Each of {@code clients} virtual threads gets its own sender and sends, waits and sends again until the end. */
    private static Result load(java.util.function.Supplier<Sender> senders, int clients, double seconds)
            throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        return clients(clients, (c, latencies, errors) -> {
            Sender sender = senders.get();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                int next = random.nextInt(Integer.MAX_VALUE);
                long t0 = System.nanoTime();
                count(() -> sender.send(next), OK_OR_CREATED, errors);
                latencies.add(System.nanoTime() - t0);
            }
            sender.close();
        });
    }

    private static final IntPredicate OK = status -> status == 200;
    private static final IntPredicate OK_OR_CREATED = status -> status == 200 || status == 201;

    /** One request sent; its status code. */
    private interface Call {
        int status() throws Exception;
    }

    /** Sends {@code call}; an answer {@code success} refuses, or a failure to send, is counted in {@code errors}. */
    private static void count(Call call, IntPredicate success, AtomicLong errors) {
        try {
            if (!success.test(call.status())) {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    /** What one of the clients does, given its number and where its latencies and errors go. */
    private interface Client {
        void run(int number, Latencies latencies, AtomicLong errors);
    }

    /** Runs {@code clients} virtual threads, each its own client with its own latencies, and gathers them. */
    private static Result clients(int clients, Client client) throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        List<Latencies> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Latencies latencies = new Latencies();
            perClient.add(latencies);
            int number = c;
            threads.add(Thread.ofVirtual().start(() -> client.run(number, latencies, errors)));
        }
        return results(threads, perClient, errors, start);
    }

    private static Result results(List<Thread> threads, List<Latencies> perClient, AtomicLong errors, long start)
            throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        int total = perClient.stream().mapToInt(l -> l.count).sum();
        long[] all = new long[total];
        int at = 0;
        for (Latencies l : perClient) {
            System.arraycopy(l.values, 0, all, at, l.count);
            at += l.count;
        }
        Arrays.sort(all);
        return new Result(
                total,
                errors.get(),
                took,
                percentile(all, 0.50),
                percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1]);
    }

    /**
     * One client's latencies, in an array that grows as they come: the server under measurement shares the heap,
     * and a megabyte-sized array per client up front (32 clients: 256 MB) made its garbage collections copy them.
     */
    private static final class Latencies {
        long[] values = new long[4096];
        int count;

        void add(long nanos) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = nanos;
        }
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
