package fr.vigie.cli;

import fr.vigie.store.Audit;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code vigie audit verify}: checks the audit log's hash chain and names the first broken entry. */
@Command(
        name = "audit",
        description = "The audit log of reads of personal data and evidence.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand {
    @Command(
            name = "verify",
            description = "Check every entry's hash chain; exit 1 and name the first entry edited, deleted or moved.")
    static final class Verify implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return storeOptions.withStore(err, "audit verify", store -> {
                Audit.Verification v = store.audit().verify();
                if (v.broken().isPresent()) {
                    err.println("vigie audit verify: entry " + v.broken().get().seq() + " is broken: "
                            + v.broken().get().problem());
                    return 1;
                }
                out.println("audit log intact: " + v.entries() + " entries; last hash " + v.lastHash());
                return 0;
            });
        }
    }
}
