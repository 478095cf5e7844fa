package fr.vigie.cli;

import fr.vigie.access.Access;
import fr.vigie.access.Role;
import fr.vigie.store.Accounts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie apikeys create|list|revoke}: service accounts' keys, shown once and stored hashed. */
@Command(
        name = "apikeys",
        description = "Manage service accounts' API keys (Authorization: Bearer KEY).",
        subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Revoke.class})
final class ApiKeysCommand {

    @Command(name = "create", description = "Create a key for a service account; it is printed once, never again.")
    static final class Create implements Callable<Integer> {
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

        @Parameters(paramLabel = "NAME", description = "the service account's name")
        String name;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            Role chosen = Role.ofAccount(role).orElse(null);
            if (chosen == null) {
                err.println("vigie apikeys create: --role must be analyst, supervisor, dpo or admin");
                return 2;
            }
            return storeOptions.withStore(err, "apikeys create", store -> {
                String key = Access.of(store).createKey(name, chosen, UsersCommand.actor());
                spec.commandLine().getOut().println(key);
                err.println("vigie apikeys create: key for " + name + " (" + chosen.id()
                        + "); keep it now, it is not shown again");
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List the keys: id, service account, role, created, revoked.")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            return storeOptions.withStore(spec.commandLine().getErr(), "apikeys list", store -> {
                for (Accounts.ApiKey k : Access.of(store).keys()) {
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "%s %-24s %-10s %s %s%n",
                                    k.id(),
                                    k.name(),
                                    k.role(),
                                    k.createdAt(),
                                    k.revokedAt().map(t -> "revoked " + t).orElse("live"));
                }
                return 0;
            });
        }
    }

    @Command(name = "revoke", description = "Revoke a key by its id, or every key of a service account by its name.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(paramLabel = "ID_OR_NAME")
        String idOrName;

        @Override
        public Integer call() {
            return storeOptions.withStore(spec.commandLine().getErr(), "apikeys revoke", store -> {
                int revoked = Access.of(store).revokeKey(idOrName, UsersCommand.actor());
                if (revoked == 0) {
                    spec.commandLine().getErr().println("vigie apikeys revoke: no live key with that id or name");
                    return 2;
                }
                spec.commandLine().getOut().println("vigie apikeys revoke: " + revoked + " key(s) revoked");
                return 0;
            });
        }
    }
}
