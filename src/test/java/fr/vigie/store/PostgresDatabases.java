package fr.vigie.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A real PostgreSQL started for a test class (zonky), and a fresh, empty database in it for each test. */
final class PostgresDatabases implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final AtomicInteger created = new AtomicInteger();

    PostgresDatabases() throws IOException {
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
    public void close() throws IOException {
        postgres.close();
    }
}
