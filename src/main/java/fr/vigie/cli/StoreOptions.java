package fr.vigie.cli;

import fr.vigie.app.Config;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every command that touches the store: which folder, or which PostgreSQL database. */
final class StoreOptions {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "the embedded store's folder (default: ./vigie-data, or VIGIE_DATA)")
    Path data;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description = "a PostgreSQL JDBC URL (jdbc:postgresql://host/db?user=...); default: the embedded store")
    String db;

    /** A usage error in these options, if there is one (checked before the store is opened). */
    java.util.Optional<String> problem() {
        return db != null && !db.startsWith("jdbc:postgresql:")
                ? java.util.Optional.of("--db must be a PostgreSQL JDBC URL (jdbc:postgresql://host/db)")
                : java.util.Optional.empty();
    }

    Config apply(Config config) {
        Config c = config;
        if (data != null) {
            c = c.withDataDir(data);
        }
        if (db != null) {
            c = c.withJdbcUrl(db);
        }
        return c;
    }
}
