package fr.vigie.store;

import fr.vigie.app.Config;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on a real PostgreSQL 18 started by the test (zonky), a fresh database per test. */
class PostgresStoreTest extends StoreContract {
    static PostgresDatabases postgres;

    @TempDir
    Path dir;

    String jdbcUrl;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = new PostgresDatabases();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    Store open(Clock clock) throws Exception {
        jdbcUrl = postgres.create("vigie");
        return reopen(clock);
    }

    @Override
    Store reopen(Clock clock) {
        String url = jdbcUrl;
        return Store.open(Config.defaults().withDataDir(dir).withJdbcUrl(url), clock);
    }
}
