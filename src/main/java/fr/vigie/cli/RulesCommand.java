package fr.vigie.cli;

import fr.vigie.InvalidDataFileException;
import fr.vigie.access.Permissions;
import fr.vigie.app.App;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code vigie rules check}: validates every data file bundled with Vigie (run in CI by the test suite). */
@Command(name = "rules", description = "Work with Vigie's data files.", subcommands = RulesCommand.Check.class)
final class RulesCommand {

    @Command(name = "check", description = "Validate every bundled data file (lists, rules, tables).")
    static final class Check implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                int files = App.checkData();
                Permissions.bundled(); // the authorization table: roles, methods and paths known, no entry twice
                files++;
                spec.commandLine().getOut().println("vigie rules check: " + files + " data files valid");
                return 0;
            } catch (InvalidDataFileException e) {
                spec.commandLine().getErr().println("vigie rules check: " + e.getMessage());
                return 1;
            }
        }
    }
}
