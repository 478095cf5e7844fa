package fr.vigie.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL started for a test class (zonky), and a fresh, empty database in it for each test. Registered
 * with {@code @RegisterExtension static final PostgresDatabases postgres = new PostgresDatabases();}: started before
 * the class's first test, stopped after its last.
 */
final class PostgresDatabases implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedPostgres postgres;
    private final AtomicInteger created = new AtomicInteger();

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    /** Creates a database named {@code prefix_N} and returns its JDBC URL. */
    String create(String prefix) throws SQLException {
        String database = prefix + "_" + created.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
