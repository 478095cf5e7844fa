package fr.vigie.cli;

import fr.vigie.BadInputException;
import fr.vigie.VigieException;
import fr.vigie.app.Config;
import fr.vigie.store.Store;
import java.io.PrintWriter;
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

    /** What a command does with the opened store; returns its exit code. */
    interface StoreWork {
        int on(Store store);
    }

    /**
     * Opens the store these options name, runs {@code work} on it and closes it; a store that cannot be opened or
     * used is said as {@code vigie COMMAND: why}, exit 3; an argument the store refuses (a role an account cannot
     * have, a name already taken) is said the same way, exit 2.
     */
    int withStore(PrintWriter err, String command, StoreWork work) {
        try (Store store = Store.open(apply(Config.defaults()))) {
            return work.on(store);
        } catch (BadInputException e) {
            err.println("vigie " + command + ": " + e.getMessage());
            return 2;
        } catch (VigieException e) {
            err.println("vigie " + command + ": " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
    }
}
