package fr.vigie.store;

import fr.vigie.VigieException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log: who read or changed personal data or evidence, when, which report or evidence, and why. Append
 * only; each entry carries the SHA-256 of the one before, and its own hash covers every field, so an entry edited,
 * deleted, inserted or moved breaks the chain at that point ({@link #verify}). The last entry's number and hash are
 * also kept in {@code audit_head}, so a log cut short at its end is seen too.
 *
 * <p>Appends are grouped (group commit). {@link #append} queues an entry and returns at once; the entry is written
 * when someone waits for one ({@link Receipt#await}), or at the latest {@link #WINDOW} after it was queued. The
 * writer (one at a time) takes every entry queued so far and commits them in one transaction, so the readers served
 * at the same time share one commit: a caller reads, queues its entry, prepares its answer, then waits for the
 * entry before showing anything. The writer keeps the head it last wrote and moves it with a conditional update
 * ({@code WHERE seq =} the head it knows), which also locks the head row until the commit: writers of several
 * processes on one PostgreSQL follow one another, and one that finds the head moved reads it again (locked, {@code
 * FOR UPDATE}) and rebuilds its entries on it. On PostgreSQL the move and the inserts are one statement (one round
 * trip). The writer keeps one connection of the pool and its prepared statements; a connection that fails is given
 * back and the next batch takes another (the entries of the failed batch are refused to their readers). Thread-safe.
 */
public final class Audit {
    static final String ZERO = "0".repeat(64);

    /** The longest an entry waits in the queue when nobody waits for it (it is written sooner when someone does). */
    static final Duration WINDOW = Duration.ofMillis(50);

    private final Database db;
    private final Jdbi jdbi;
    private final Clock clock;
    private final boolean enabled;
    private final ReentrantLock writer = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean timerSet = new AtomicBoolean();
    /** The head as this process last wrote or read it; only the writer (under its lock) touches it. */
    private Head head;
    /** The writer's connection and its prepared statements; only the writer (under its lock) touches them. */
    private Connection connection;

    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Audit(Database db, Clock clock, boolean enabled) {
        this.db = db;
        this.jdbi = db.jdbi();
        this.clock = clock;
        this.enabled = enabled;
    }

    /** One entry of the log. {@code target} is a report id, {@code evidence:<sha256>} or a subject query's kind. */
    public record Entry(
            long seq,
            Instant at,
            String actor,
            String action,
            Optional<String> target,
            Optional<String> reason,
            String prevHash,
            String hash) {}

    /** Where the chain breaks first, and how. */
    public record Broken(long seq, String problem) {}

    /**
     * What a verification found: how many entries were read, the hash of the last one (copied elsewhere, it anchors
     * the log: a chain rewritten from an earlier entry ends on another hash), and the first break if there is one.
     */
    public record Verification(long entries, String lastHash, Optional<Broken> broken) {}

    /** An entry on its way to the log. */
    public static final class Receipt {
        private final Audit audit;
        private final CompletableFuture<Long> committed;

        private Receipt(Audit audit, CompletableFuture<Long> committed) {
            this.audit = audit;
            this.committed = committed;
        }

        /**
         * Writes the entry (with every other queued one) unless it is written already, and returns its number (0
         * when the log is off for a benchmark).
         *
         * @throws VigieException when it could not be written: what was read must then not be shown
         */
        public long await() {
            if (audit != null) {
                audit.writeUntilDone(committed);
            }
            try {
                return committed.join();
            } catch (CompletionException e) {
                throw new VigieException("the audit log could not be written", e.getCause());
            }
        }
    }

    /** A value read from the store whose audit entry is on its way: show {@code value} after {@code receipt}. */
    public record Audited<T>(T value, Receipt receipt) {}

    private record Pending(String actor, String action, String target, String reason, CompletableFuture<Long> done) {}

    private record Head(long seq, String hash) {}

    /** The head row moved under this writer: another process appended. */
    private static final class HeadMoved extends RuntimeException {
        HeadMoved() {
            super(null, null, false, false);
        }
    }

    /**
     * Appends an entry; returns its number once it is committed. {@code reason} is required for reveals and
     * requests of data subjects (the caller checks); it must not itself hold personal data.
     */
    public long record(String actor, String action, String target, String reason) {
        return append(actor, action, target, reason).await();
    }

    /** Queues an entry and returns at once; {@link Receipt#await} before showing what the entry is about. */
    public Receipt append(String actor, String action, String target, String reason) {
        if (!enabled) {
            return new Receipt(null, CompletableFuture.completedFuture(0L));
        }
        Pending pending = new Pending(
                clip(actor == null || actor.isBlank() ? "unknown" : actor, 80),
                clip(action, 40),
                clip(target, 80),
                clip(reason, 2000),
                new CompletableFuture<>());
        queue.add(pending);
        if (timerSet.compareAndSet(false, true)) {
            Thread.ofVirtual().name("vigie-audit-window").start(this::writeAfterWindow);
        }
        return new Receipt(this, pending.done());
    }

    /** Writes whatever is still queued, then gives the writer's connection back (the store calls it as it closes). */
    void close() {
        writeUntilDone(null);
        writer.lock();
        try {
            dropConnection();
        } finally {
            writer.unlock();
        }
    }

    /** The safety net: what nobody waited for is written {@link #WINDOW} after the first of it was queued. */
    private void writeAfterWindow() {
        try {
            Thread.sleep(WINDOW);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timerSet.set(false);
            writeUntilDone(null);
        }
    }

    /** Writes what is queued until {@code entry} is committed (or, for null, until the queue is empty). */
    private void writeUntilDone(CompletableFuture<Long> entry) {
        while (entry == null ? !queue.isEmpty() : !entry.isDone()) {
            writer.lock();
            try {
                // whoever held the lock before may have written it
                if (entry == null || !entry.isDone()) {
                    List<Pending> batch = new ArrayList<>();
                    for (Pending p; (p = queue.poll()) != null; ) {
                        batch.add(p);
                    }
                    if (!batch.isEmpty()) {
                        write(batch);
                    }
                }
            } finally {
                writer.unlock();
            }
        }
    }

    /** Commits one batch (under the writer lock); every caller learns whether its entry was written. */
    private void write(List<Pending> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            List<Long> numbers = null;
            for (int attempt = 0; numbers == null; attempt++) {
                try {
                    numbers = commit(batch, now);
                } catch (HeadMoved e) {
                    head = null;
                    if (attempt == 1) { // the second attempt read the head locked: it cannot have moved
                        throw new VigieException("the audit log's head kept moving under this writer");
                    }
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(numbers.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            head = null; // the transaction rolled back: read the head again next time
            dropConnection(); // it may be broken: the next batch takes another from the pool
            RuntimeException failure =
                    e instanceof RuntimeException r ? r : new VigieException("the audit log could not be written", e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
        }
    }

    /**
     * Chains the batch on the head known and commits it. On PostgreSQL with the head known, one statement moves the
     * head (from the one known, else {@link HeadMoved}) and inserts the entries: one round trip, its own
     * transaction. Otherwise one transaction on the writer's connection: the head read locked when unknown, the
     * head moved first (which locks its row until the commit, so no other writer takes the same numbers), then the
     * entries inserted in one batch.
     */
    private List<Long> commit(List<Pending> batch, Instant now) throws SQLException {
        Connection c = connection();
        if (head != null && db.vendor() == Database.Vendor.POSTGRESQL) {
            Chained rows = chain(head, batch, now);
            if (insertMovingHead(c, rows) != batch.size()) {
                throw new HeadMoved();
            }
            head = rows.to();
            return rows.numbers();
        }
        c.setAutoCommit(false);
        try {
            Head from = head != null ? head : headLocked();
            Chained rows = chain(from, batch, now);
            if (moveHead(rows) != 1) {
                throw new HeadMoved();
            }
            insert(rows);
            c.commit();
            db.awaitWrites(); // an answer waits for its entry: it must be in the file, not only in H2's memory
            head = rows.to(); // kept only once committed: write() clears it otherwise
            return rows.numbers();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** A batch numbered and hashed after {@code from}, all at {@code at}. */
    private record Chained(
            Head from, Head to, Instant at, List<Pending> entries, long[] seq, String[] prev, String[] hash) {
        List<Long> numbers() {
            List<Long> out = new ArrayList<>(seq.length);
            for (long n : seq) {
                out.add(n);
            }
            return out;
        }
    }

    private static Chained chain(Head from, List<Pending> batch, Instant at) {
        int n = batch.size();
        long[] seq = new long[n];
        String[] prev = new String[n];
        String[] hash = new String[n];
        long number = from.seq();
        String before = from.hash();
        for (int i = 0; i < n; i++) {
            Pending p = batch.get(i);
            number++;
            seq[i] = number;
            prev[i] = before;
            hash[i] = hash(number, at, p.actor(), p.action(), p.target(), p.reason(), before);
            before = hash[i];
        }
        return new Chained(from, new Head(number, before), at, batch, seq, prev, hash);
    }

    /** The writer's own connection, its statements prepared once; taken from the pool at the first commit. */
    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = db.connection();
        }
        return connection;
    }

    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection().prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private void dropConnection() {
        statements.clear();
        if (connection != null) {
            try {
                connection.close(); // back to the pool, which closes it if it is broken
            } catch (SQLException ignored) {
                // nothing more to do with it
            }
            connection = null;
        }
    }

    private Head headLocked() throws SQLException {
        // read and locked: the update that follows cannot miss it then
        try (ResultSet rs = prepared("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .executeQuery()) {
            if (!rs.next()) {
                throw new VigieException("the audit log has no head row");
            }
            return new Head(rs.getLong(1), rs.getString(2).strip());
        }
    }

    private int moveHead(Chained rows) throws SQLException {
        PreparedStatement update = prepared("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ?");
        update.setLong(1, rows.to().seq());
        update.setString(2, rows.to().hash());
        update.setLong(3, rows.from().seq());
        return update.executeUpdate();
    }

    private void insert(Chained rows) throws SQLException {
        PreparedStatement insert = prepared("""
                INSERT INTO audit (seq, at, actor, action, target, reason, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
        OffsetDateTime at = OffsetDateTime.ofInstant(rows.at(), ZoneOffset.UTC);
        for (int i = 0; i < rows.seq().length; i++) {
            Pending p = rows.entries().get(i);
            insert.setLong(1, rows.seq()[i]);
            insert.setObject(2, at);
            insert.setString(3, p.actor());
            insert.setString(4, p.action());
            insert.setString(5, p.target());
            insert.setString(6, p.reason());
            insert.setString(7, rows.prev()[i]);
            insert.setString(8, rows.hash()[i]);
            insert.addBatch();
        }
        insert.executeBatch();
    }

    /** PostgreSQL: the head moved and the entries inserted by one statement; how many entries were inserted. */
    private int insertMovingHead(Connection c, Chained rows) throws SQLException {
        PreparedStatement statement = prepared("""
                WITH moved AS (UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ? RETURNING id)
                INSERT INTO audit (seq, at, actor, action, target, reason, prev_hash, hash)
                SELECT e.seq, ?, e.actor, e.action, e.target, e.reason, e.prev_hash, e.hash
                FROM moved, unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                    ?::varchar[]) AS e (seq, actor, action, target, reason, prev_hash, hash)""");
        int n = rows.seq().length;
        Long[] seq = new Long[n];
        String[][] text = new String[6][n];
        for (int i = 0; i < n; i++) {
            Pending p = rows.entries().get(i);
            seq[i] = rows.seq()[i];
            text[0][i] = p.actor();
            text[1][i] = p.action();
            text[2][i] = p.target();
            text[3][i] = p.reason();
            text[4][i] = rows.prev()[i];
            text[5][i] = rows.hash()[i];
        }
        statement.setLong(1, rows.to().seq());
        statement.setString(2, rows.to().hash());
        statement.setLong(3, rows.from().seq());
        statement.setObject(4, OffsetDateTime.ofInstant(rows.at(), ZoneOffset.UTC));
        statement.setArray(5, c.createArrayOf("bigint", seq));
        for (int i = 0; i < text.length; i++) {
            statement.setArray(6 + i, c.createArrayOf("varchar", text[i]));
        }
        return statement.executeUpdate();
    }

    /**
     * Reads the whole log in order and checks each entry: its number follows the one before (a gap: entries were
     * deleted), it names the hash of the one before (else it was moved or inserted), and its hash is that of its
     * fields (else it was edited). Then the last entry must be the head's.
     */
    public Verification verify() {
        return jdbi.withHandle(h -> {
            long[] count = {0};
            long[] expected = {1};
            String[] prev = {ZERO};
            Broken[] broken = {null};
            try (var rows = h
                    .createQuery("SELECT * FROM audit ORDER BY seq")
                    .setFetchSize(1000)
                    .map((rs, ctx) -> entry(rs))
                    .stream()) {
                rows.takeWhile(e -> broken[0] == null).forEach(e -> {
                    count[0]++;
                    if (e.seq() != expected[0]) {
                        broken[0] = new Broken(
                                e.seq(),
                                e.seq() > expected[0]
                                        ? "entries " + expected[0] + " to " + (e.seq() - 1) + " are missing"
                                        : "the entry is out of order");
                    } else if (!e.prevHash().equals(prev[0])) {
                        broken[0] = new Broken(e.seq(), "the entry does not follow the one before (moved or inserted)");
                    } else if (!e.hash()
                            .equals(hash(
                                    e.seq(),
                                    e.at(),
                                    e.actor(),
                                    e.action(),
                                    e.target().orElse(null),
                                    e.reason().orElse(null),
                                    e.prevHash()))) {
                        broken[0] = new Broken(e.seq(), "the entry was edited (its hash does not match its fields)");
                    }
                    expected[0] = e.seq() + 1;
                    prev[0] = e.hash();
                });
            }
            if (broken[0] == null) {
                var head = h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1")
                        .map((rs, ctx) ->
                                new Object[] {rs.getLong(1), rs.getString(2).strip()})
                        .one();
                long headSeq = (Long) head[0];
                if (headSeq != expected[0] - 1) {
                    broken[0] = new Broken(
                            expected[0],
                            headSeq > expected[0] - 1
                                    ? "entries " + expected[0] + " to " + headSeq + " are missing at the end"
                                    : "the log holds entries after its head (" + headSeq + ")");
                } else if (!head[1].equals(prev[0])) {
                    broken[0] = new Broken(headSeq, "the last entry is not the one the head names");
                }
            }
            return new Verification(count[0], prev[0], Optional.ofNullable(broken[0]));
        });
    }

    /** The entries about one target, oldest first (an export to a data subject lists who saw their data). */
    public List<Entry> about(String target) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM audit WHERE target = :t ORDER BY seq")
                .bind("t", target)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    /** The last {@code max} entries, newest first. */
    public List<Entry> last(int max) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM audit ORDER BY seq DESC LIMIT :max")
                .bind("max", max)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(
                rs.getLong("seq"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                Optional.ofNullable(rs.getString("target")),
                Optional.ofNullable(rs.getString("reason")),
                rs.getString("prev_hash").strip(),
                rs.getString("hash").strip());
    }

    /** SHA-256 over every field, each written with its length first (no two different entries hash alike). */
    static String hash(
            long seq, Instant at, String actor, String action, String target, String reason, String prevHash) {
        StringBuilder text = new StringBuilder("vigie-audit-1");
        for (String field : new String[] {Long.toString(seq), at.toString(), actor, action, target, reason, prevHash}) {
            text.append('\n');
            if (field == null) {
                text.append('-');
            } else {
                text.append(field.length()).append(':').append(field);
            }
        }
        return fr.vigie.message.Evidence.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
