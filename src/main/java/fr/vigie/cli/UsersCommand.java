package fr.vigie.cli;

import fr.vigie.access.Access;
import fr.vigie.access.Role;
import fr.vigie.store.Accounts;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie users add|list|disable}: people's accounts. A password is read from the terminal (asked twice,
 * never echoed) or from the first line of standard input, never from an argument (it would sit in the shell's
 * history and in the process list).
 */
@Command(
        name = "users",
        description = "Manage people's accounts (analyst, supervisor, dpo, admin).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class})
final class UsersCommand {

    /** The actor written to the access events for a command ({@link CommandGate#actor}). */
    static String actor() {
        return CommandGate.actor();
    }

    @Command(name = "add", description = "Add an account; the password is asked (or read from standard input).")
    static final class Add implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "analyst, supervisor, dpo or admin")
        String role;

        @Parameters(paramLabel = "NAME", description = "lower-case letters, digits, '.', '_' or '-'")
        String name;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            Role chosen = Role.ofAccount(role).orElse(null);
            if (chosen == null) {
                err.println("vigie users add: --role must be analyst, supervisor, dpo or admin");
                return 2;
            }
            char[] password = password(err);
            if (password == null) {
                return 2;
            }
            try {
                return storeOptions.withStore(err, "users add", store -> {
                    Access.of(store).addUser(name, chosen, password, actor());
                    spec.commandLine().getOut().println("vigie users add: " + name + " (" + chosen.id() + ")");
                    return 0;
                });
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        /**
         * From JDK 22 on, a console exists even when standard input is a pipe, and {@code isTerminal} (not in the
         * JDK 21 API that Vigie compiles against) tells them apart; on JDK 21 a console means a terminal.
         */
        private static boolean isTerminal(Console console) {
            try {
                return (boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }

        private static char[] password(java.io.PrintWriter err) {
            Console console = System.console();
            if (console != null && isTerminal(console)) {
                char[] first = console.readPassword("password (%d characters at least): ", Access.MIN_PASSWORD);
                char[] again = console.readPassword("the same again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    err.println("vigie users add: the two passwords differ");
                    return null;
                }
                Arrays.fill(again, '\0');
                return first;
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    err.println("vigie users add: no password on standard input");
                    return null;
                }
                return line.toCharArray();
            } catch (IOException e) {
                err.println("vigie users add: standard input cannot be read");
                return null;
            }
        }
    }

    @Command(name = "list", description = "List the accounts: name, role, enabled or disabled, created.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            return storeOptions.withStore(spec.commandLine().getErr(), "users list", store -> {
                for (Accounts.Account a : Access.of(store).users()) {
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "%-24s %-10s %-8s %s%n",
                                    a.name(), a.role(), a.disabled() ? "disabled" : "enabled", a.createdAt());
                }
                return 0;
            });
        }
    }

    @Command(name = "disable", description = "Disable an account and end its sessions.")
    static final class Disable implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return storeOptions.withStore(spec.commandLine().getErr(), "users disable", store -> {
                if (!Access.of(store).disable(name, actor())) {
                    spec.commandLine().getErr().println("vigie users disable: no account named " + name);
                    return 2;
                }
                spec.commandLine().getOut().println("vigie users disable: " + name + " disabled, sessions ended");
                return 0;
            });
        }
    }
}
