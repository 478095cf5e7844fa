package fr.vigie.cli;

import fr.vigie.VigieException;
import fr.vigie.app.Config;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.Store;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code vigie index rebuild}: makes the full-text index again from the report store (the store is the truth). */
@Command(
        name = "index",
        description = "Work with the full-text search index.",
        subcommands = IndexCommand.Rebuild.class)
final class IndexCommand {

    @Command(name = "rebuild", description = "Throw the search index away and index every stored report again.")
    static final class Rebuild implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            if (storeOptions.db != null && !storeOptions.db.startsWith("jdbc:postgresql:")) {
                spec.commandLine()
                        .getErr()
                        .println("vigie index rebuild: --db must be a PostgreSQL JDBC URL (jdbc:postgresql://host/db)");
                return 2;
            }
            Config config = storeOptions.apply(Config.defaults());
            Path folder = config.dataDir().resolve("index");
            long start = System.nanoTime();
            try (Store store = Store.open(config);
                    SearchIndex index = SearchIndex.open(folder)) {
                long count = index.rebuild(store);
                spec.commandLine()
                        .getOut()
                        .printf(
                                Locale.ROOT,
                                "vigie index rebuild: %d reports indexed in %.1f s (%s)%n",
                                count,
                                (System.nanoTime() - start) / 1e9,
                                folder);
                return 0;
            } catch (VigieException e) {
                // The store or the index cannot be opened or read: say which, never a stack trace.
                spec.commandLine().getErr().println("vigie index rebuild: " + e.getMessage());
                if (System.getenv("VIGIE_DEBUG") != null) {
                    e.printStackTrace(spec.commandLine().getErr());
                }
                return Main.UNREADABLE_INPUT;
            }
        }
    }
}
