package fr.vigie.store;

import fr.vigie.app.Config;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on a real PostgreSQL 18 started by the test (zonky), a fresh database per test. */
class PostgresStoreTest extends StoreContract {
    static EmbeddedPostgres postgres;
    static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path dir;

    String database;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    Store open(Clock clock) throws Exception {
        database = "vigie_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return reopen(clock);
    }

    @Override
    Store reopen(Clock clock) {
        String url = postgres.getJdbcUrl("postgres", database);
        return Store.open(Config.defaults().withDataDir(dir).withJdbcUrl(url), clock);
    }
}
