package fr.vigie.cli;

import fr.vigie.VigieException;
import fr.vigie.app.Config;
import fr.vigie.store.Store;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code vigie keys rotate}: a new master key, and every data key wrapped again under it (docs/SECURITY.md). Stopped
 * part way, it is run again and finishes; the old key is deleted only when no row needs it.
 */
@Command(
        name = "keys",
        description = "The master key that wraps the data keys of personal data and evidence.",
        subcommands = {KeysCommand.Rotate.class})
final class KeysCommand {
    @Command(
            name = "rotate",
            description = "Make a new master key and re-wrap every data key under it (stop the server first on H2).")
    static final class Rotate implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Config config = storeOptions.apply(Config.defaults());
            try {
                boolean files = Store.beginKeyRotation(config.dataDir());
                try (Store store = Store.open(config)) {
                    long changed = store.rewrapKeys();
                    long left = store.rowsUnderOtherKeys();
                    if (left > 0) {
                        err.println("vigie keys rotate: " + left + " rows are still under another key; run it again");
                        return 1;
                    }
                    store.audit().record(Subcommands.actor(), "keys.rotate", null, changed + " rows re-wrapped");
                    out.println("master key rotated: " + changed + " rows re-wrapped");
                }
                if (files) {
                    Store.endKeyRotation(config.dataDir());
                }
                return 0;
            } catch (VigieException e) {
                err.println("vigie keys rotate: " + e.getMessage());
                return Main.UNREADABLE_INPUT;
            }
        }
    }
}
