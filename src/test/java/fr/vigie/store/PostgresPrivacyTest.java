package fr.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.VigieException;
import fr.vigie.app.Config;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy suite on a real PostgreSQL, a fresh database per test. An erased canary is looked for in the data
 * folder's files (search index, keys) and in every text and byte column of the database.
 */
class PostgresPrivacyTest extends PrivacyContract {
    @RegisterExtension
    static final PostgresDatabases postgres = new PostgresDatabases();

    @TempDir
    Path dir;

    String jdbcUrl;

    @Override
    Store open(Clock clock, Store.Protection protection) throws Exception {
        jdbcUrl = postgres.create("privacy");
        return Store.open(config(), clock, protection);
    }

    private Config config() {
        return Config.defaults().withDataDir(dir).withJdbcUrl(jdbcUrl);
    }

    @Override
    Store reopen(Clock clock) {
        return Store.open(config(), clock);
    }

    /** {@code vigie apikeys revoke} run beside a server on the same PostgreSQL: the server's memory of the key ends. */
    @Test
    void aKeyRevokedByAnotherProcessIsRefusedOnceItsMemoryRunsOut() throws Exception {
        store.accounts().addKey("00112233aabbccdd", "ingest", "analyst", "f".repeat(64), Instant.now());
        assertThat(store.accounts().key("00112233aabbccdd").orElseThrow().revokedAt())
                .isEmpty(); // now kept in memory

        try (Store other = reopen(Clock.systemUTC())) {
            assertThat(other.accounts().revoke("ingest", Instant.now())).isEqualTo(1);
        }
        long deadline = System.nanoTime() + 4 * Accounts.FRESH.toNanos();
        while (store.accounts()
                        .key("00112233aabbccdd")
                        .orElseThrow()
                        .revokedAt()
                        .isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(store.accounts().key("00112233aabbccdd").orElseThrow().revokedAt())
                .isPresent();
    }

    /** Two processes on one database: each keeps the head it last wrote, and finds it moved by the other. */
    @Test
    void twoStoresAppendingToOneDatabaseKeepOneUnbrokenChain() throws Exception {
        try (Store other = reopen(Clock.systemUTC())) {
            store.audit().record("analyst:a", "report.read", "VG-1", null);
            other.audit().record("analyst:b", "report.read", "VG-2", null);
            store.audit().record("analyst:a", "report.read", "VG-3", null);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    Store side = t % 2 == 0 ? store : other;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            side.audit().record("analyst:c", "report.read", "VG-" + i, null);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        Audit.Verification v = store.audit().verify();
        assertThat(v.broken()).isEmpty();
        assertThat(v.entries()).isEqualTo(103);
    }

    /**
     * The audit writer keeps one connection. Cut by the server (a restart, a network fault), the read whose entry was
     * on it is refused (nothing shown without its entry); the next entry goes through another connection, and the
     * chain holds.
     */
    @Test
    void anAuditWriterWhoseConnectionIsCutRefusesThatReadAndWritesTheNextOnAnother() {
        store.audit().record("analyst:a", "report.read", "VG-0", null); // the head read, in a transaction
        store.audit().record("analyst:a", "report.read", "VG-1", null); // one statement, naming audit_head
        int cut = sql().withHandle(
                        h -> h.createQuery("""
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%audit_head%'""").mapTo(Boolean.class).list().size());
        assertThat(cut).isEqualTo(1);

        assertThatThrownBy(() -> store.audit().record("analyst:a", "report.read", "VG-2", null))
                .isInstanceOf(VigieException.class);
        long next = store.audit().record("analyst:a", "report.read", "VG-3", null);

        assertThat(store.audit().last(1)).extracting(Audit.Entry::seq).containsExactly(next);
        assertThat(store.audit().verify().broken()).isEmpty();
    }

    @Override
    Path dataDir() {
        return dir;
    }

    @Override
    List<String> whereFound(String canary) throws Exception {
        List<String> found = new ArrayList<>(filesContaining(dir, canary));
        String needle = canary.toLowerCase(java.util.Locale.ROOT);
        found.addAll(sql().withHandle(h -> {
            List<String> hits = new ArrayList<>();
            var columns = h.createQuery("""
                            SELECT table_name, column_name, data_type FROM information_schema.columns
                            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character',
                                'bytea') AND table_name <> 'flyway_schema_history'""")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .list();
            for (String[] column : columns) {
                String value = column[2].equals("bytea") ? "encode(" + column[1] + ", 'escape')" : column[1];
                long n = h.createQuery("SELECT COUNT(*) FROM " + column[0] + " WHERE LOWER(" + value + ") LIKE :n")
                        .bind("n", "%" + needle + "%")
                        .mapTo(Long.class)
                        .one();
                if (n > 0) {
                    hits.add(column[0] + "." + column[1]);
                }
            }
            return hits;
        }));
        return found;
    }
}
