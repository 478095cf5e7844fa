package fr.vigie.store;

import fr.vigie.app.Config;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on a real PostgreSQL 18 started by the test (zonky), a fresh database per test. */
class PostgresStoreTest extends StoreContract {
    @RegisterExtension
    static final PostgresDatabases postgres = new PostgresDatabases();

    @TempDir
    Path dir;

    String jdbcUrl;

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
