package fr.vigie.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.vigie.VigieException;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;

/** Opens the connection pool, brings the schema up to date, and gives the JDBI handle over it. */
final class Database implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    /** The kind of database: some column types differ (see V1__reports.sql). */
    enum Vendor {
        H2,
        POSTGRESQL
    }

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Vendor vendor;
    private volatile boolean compactOnClose;
    /** H2 only: rewrites the live pages of sparse chunks while the store runs (see {@link #embedded}). */
    private final java.util.concurrent.ScheduledExecutorService compactor;
    /** The H2 file's write count at the last compaction pass: an idle store is not compacted again. */
    private long writesAtLastPass = -1;
    /** H2 only: the store under the database, found once ({@link #mvStore}). */
    private volatile org.h2.mvstore.MVStore h2Store;

    private Database(HikariDataSource pool, Vendor vendor) {
        this.pool = pool;
        this.vendor = vendor;
        this.jdbi = Jdbi.create(pool);
        // VIGIE_H2_COMPACT=0 turns it off. (It was off for a while: the reports it made likelier to lose at a kill -9
        // were H2's recovery missing complete commits, which CrashRecovery mends before every open.)
        this.compactor =
                vendor == Vendor.H2 && !"0".equals(System.getenv("VIGIE_H2_COMPACT")) ? startCompactor() : null;
        // A failed statement's message must never carry bound values: they are victims' data.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    /**
     * The embedded H2 store in {@code dir}. H2 has no redo log: by default it writes commits in the background every
     * 500 ms, so an acknowledged report could be lost by a crash. WRITE_DELAY=0 writes the store at every commit,
     * before the commit returns. (A CHECKPOINT after each commit was tried instead, to keep H2's background
     * compaction: it lost acknowledged reports in CrashDurabilityTest, as a checkpoint does not wait for a store
     * already under way.) RETENTION_TIME=1000 lets the file reuse superseded chunks after 1 s instead of 45 s.
     * QUERY_CACHE_SIZE=256: H2 keeps the parsed statements of each connection in a cache of 8 by default, fewer
     * than a report read alone runs, so every statement was parsed again (a fifth of GET /api/reports/{id}).
     * CACHE_SIZE: the identifier and submission-key indexes are written at random places; with H2's 16 MB page cache
     * most inserts past a few hundred thousand reports read (and decode) a page from the file first.
     *
     * <p>WRITE_DELAY=0 also stops H2's background thread, which is what compacts the file: each commit writes the
     * pages it changed into a new chunk, and the older chunks keep a few live pages each, so they are never free for
     * reuse (37 KB of file per generated report, 3.7 GB for 100,000). {@link #compactSome} does that thread's
     * compaction without its delayed commits: every {@link #COMPACT_EVERY_MS} ms, if the file was written since,
     * the live pages of the sparsest chunks are copied into the next commit's chunk, and the old chunks, dead, are
     * reused once the retention time has passed. What is copied is already committed data, so no acknowledged
     * report waits on it nor depends on it.
     */
    static Database embedded(Path dir) {
        try {
            CrashRecovery.repair(dir.resolve("vigie.mv.db"))
                    .ifPresent(r -> LOG.warn(
                            "embedded store not closed cleanly: its header named commit {}, the file holds commit {};"
                                    + " header pointed at it before opening",
                            r.headerVersion(),
                            r.found()));
        } catch (java.io.IOException e) {
            LOG.warn(
                    "embedded store: its file could not be checked after a crash ({})",
                    e.getClass().getSimpleName());
        }
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("vigie")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;RETENTION_TIME=1000;WRITE_DELAY=0"
                + ";QUERY_CACHE_SIZE=256;CACHE_SIZE=" + cacheKilobytes();
        return open(url, null, null, Vendor.H2);
    }

    /** How often the embedded store's chunks are looked at for compaction. */
    static final int COMPACT_EVERY_MS = 1000;
    /** Chunks are rewritten while less than this share of the file's chunk space is live. */
    static final int COMPACT_FILL_RATE = 50;
    /** At most this many bytes of live pages copied per pass. */
    private static final int COMPACT_WRITE = 8 * 1024 * 1024;

    private java.util.concurrent.ScheduledExecutorService startCompactor() {
        var executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("vigie-h2-compact").factory());
        executor.scheduleWithFixedDelay(
                this::compactSome, COMPACT_EVERY_MS, COMPACT_EVERY_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        return executor;
    }

    /**
     * One compaction pass of the embedded store (see {@link #embedded}); returns whether chunks were rewritten.
     * Never throws: a failed pass leaves the file as it was, larger.
     */
    boolean compactSome() {
        try {
            org.h2.mvstore.MVStore store = mvStore();
            long writes = store.getFileStore().getWriteCount();
            if (writes == writesAtLastPass) {
                return false;
            }
            writesAtLastPass = writes;
            // The pages a pass rewrites count as unsaved memory (H2 reckons 19 bytes of it per byte of file), and
            // past H2's auto-commit memory it stores them in the middle of the pass, a store that may be written in
            // the background: what is acknowledged waits for such writes (awaitWrites). What the pass rewrote is
            // written at once, from this thread. (Steps small enough to stay under that memory were tried: H2 then
            // skips the chunks bigger than a step, and the file stayed nearly three times larger.)
            if (!store.compact(COMPACT_FILL_RATE, COMPACT_WRITE)) {
                return false;
            }
            store.commit();
            return true;
        } catch (java.sql.SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Returns once every write of the embedded store's file that has begun is done (a no-op on PostgreSQL, whose
     * commit returns only once durable). H2's {@code tryCommit} (called in the middle of large writes) returns at once
     * when another thread's store is under way, and that store may hold this thread's changes: what is acknowledged
     * to a person waits for it. (The acknowledged reports lost at a kill -9 were not this case but H2's recovery
     * missing complete commits: {@link CrashRecovery}.)
     */
    void awaitWrites() {
        if (vendor != Vendor.H2) {
            return;
        }
        try {
            mvStore().getFileStore().executeFileStoreOperation(() -> {});
        } catch (java.sql.SQLException e) {
            throw new VigieException("the embedded store could not be reached", e);
        }
    }

    /** The embedded store's MVStore, the same for the database's life. */
    private org.h2.mvstore.MVStore mvStore() throws java.sql.SQLException {
        org.h2.mvstore.MVStore store = h2Store;
        if (store == null) {
            try (var connection = pool.getConnection()) {
                var session = (org.h2.engine.SessionLocal)
                        connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
                store = session.getDatabase().getStore().getMvStore();
                h2Store = store;
            }
        }
        return store;
    }

    /** An eighth of the heap for H2's page cache, at least its default 16 MB. */
    private static long cacheKilobytes() {
        return Math.max(16 * 1024, Runtime.getRuntime().maxMemory() / 8 / 1024);
    }

    /** A PostgreSQL database; user and password may be in the URL. */
    static Database postgres(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new VigieException("--db must be a PostgreSQL JDBC URL (jdbc:postgresql://host/db?user=...)");
        }
        return open(url, null, null, Vendor.POSTGRESQL);
    }

    private static Database open(String url, String user, String password, Vendor vendor) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(vendor == Vendor.H2 ? 8 : 16);
        config.setPoolName("vigie-store");
        config.setAutoCommit(true);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new VigieException(describe(vendor, e), e);
        }
        try {
            Map<String, String> types = vendor == Vendor.H2
                    ? Map.of("blob", "BINARY LARGE OBJECT", "text", "CHARACTER LARGE OBJECT")
                    : Map.of("blob", "BYTEA", "text", "TEXT");
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:fr/vigie/store/migration")
                    .placeholders(types)
                    .javaMigrations(new ValueKeys(), new CustodyIdCache())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new VigieException("the store's schema could not be brought up to date", e);
        }
        return new Database(pool, vendor);
    }

    private static String describe(Vendor vendor, RuntimeException e) {
        String text = String.valueOf(e.getMessage())
                + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
        if (vendor == Vendor.H2 && text.contains("locked")) {
            return "the embedded store is in use by another Vigie process";
        }
        return vendor == Vendor.H2
                ? "the embedded store cannot be opened"
                : "the PostgreSQL database cannot be reached";
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** A connection of the pool for a caller that keeps it (the audit log's writer); close it to give it back. */
    java.sql.Connection connection() throws java.sql.SQLException {
        return pool.getConnection();
    }

    Vendor vendor() {
        return vendor;
    }

    /**
     * Personal data was erased: H2 keeps superseded pages in its file until they are reused, so the clean stop
     * rewrites the whole file ({@code SHUTDOWN COMPACT}) and the erased bytes leave the disk.
     */
    void compactOnClose() {
        compactOnClose = true;
    }

    @Override
    public void close() {
        if (compactor != null) {
            compactor.shutdownNow();
            try {
                compactor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (vendor == Vendor.H2) {
            // Compact on a clean stop; a crash needs nothing of this (every commit was written).
            try (var connection = pool.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute(compactOnClose ? "SHUTDOWN COMPACT" : "SHUTDOWN");
            } catch (java.sql.SQLException | RuntimeException ignored) {
                // the pool closes all the same
            }
        }
        pool.close();
    }
}
