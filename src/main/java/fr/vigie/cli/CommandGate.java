package fr.vigie.cli;

import fr.vigie.VigieException;
import fr.vigie.access.Access;
import fr.vigie.access.Permissions;
import fr.vigie.access.Principal;
import fr.vigie.app.Config;
import fr.vigie.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * Runs a command only if the authorization table lets its caller in. A command open to {@code anyone} runs for the
 * local operator, with no credential (check, serve, benches: they show or change no reporter's data). Any other
 * needs an API key whose role the table names, given by the environment, never by an argument (the process list
 * shows arguments): {@code VIGIE_API_KEY}, or {@code VIGIE_API_KEY_FILE} naming a file that holds it. Its use is an
 * entry of the chained audit log, with the key's service account as the actor; a refusal is one too, and exits with
 * {@link #REFUSED}. On a store with no account and no key yet, {@code users add} and {@code apikeys create} run
 * without a credential (the bootstrap of the first administrator).
 */
final class CommandGate {
    /** The exit code of a command refused: no credential, an unknown or revoked key, or a role that may not. */
    static final int REFUSED = 4;

    static final String KEY_ENV = "VIGIE_API_KEY";
    static final String KEY_FILE_ENV = "VIGIE_API_KEY_FILE";
    private static final Set<String> BOOTSTRAP = Set.of("users add", "apikeys create");

    /** Who runs the command in this thread, once the gate let them in (the audit's actor). */
    private static final ThreadLocal<String> ACTOR = new ThreadLocal<>();

    private final Permissions permissions;
    private final Map<String, String> env;

    CommandGate(Permissions permissions, Map<String, String> env) {
        this.permissions = permissions;
        this.env = Map.copyOf(env);
    }

    /** The actor the gate let in, or the operating-system account for a command open to anyone. */
    static String actor() {
        String actor = ACTOR.get();
        return actor != null ? actor : "cli:" + System.getProperty("user.name", "unknown");
    }

    /** The command's full name without {@code vigie}: {@code users add}. */
    static String name(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? "" : qualified.substring(space + 1);
    }

    /** Picocli's execution, behind the gate. */
    int execute(CommandLine.ParseResult parsed) {
        List<CommandLine> chain = parsed.asCommandLineList();
        CommandLine leaf = chain.get(chain.size() - 1);
        boolean help = chain.stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
        if (help || leaf == chain.get(0)) {
            return new CommandLine.RunLast().execute(parsed);
        }
        String name = name(leaf);
        PrintWriter err = leaf.getErr();
        Optional<Permissions.Entry> entry = permissions.command(name);
        if (entry.isEmpty()) {
            err.println("vigie " + name + ": this command has no entry in the authorization table");
            return REFUSED;
        }
        if (entry.get().anyone() || leaf.getSubcommands().size() > 0) {
            return new CommandLine.RunLast().execute(parsed);
        }
        Optional<StoreOptions> storeOptions = leaf.getCommandSpec().mixins().values().stream()
                .map(m -> m.userObject())
                .filter(StoreOptions.class::isInstance)
                .map(StoreOptions.class::cast)
                .findFirst();
        if (storeOptions.isEmpty()) {
            err.println("vigie " + name + ": a command limited to some roles must name its store");
            return REFUSED;
        }
        Optional<String> problem = storeOptions.get().problem();
        if (problem.isPresent()) {
            err.println("vigie " + name + ": " + problem.get());
            return 2;
        }
        Optional<String> actor;
        try (Store store = Store.open(storeOptions.get().apply(Config.defaults()))) {
            actor = admit(store, name, entry.get(), err);
        } catch (VigieException e) {
            err.println("vigie " + name + ": " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
        if (actor.isEmpty()) {
            return REFUSED;
        }
        ACTOR.set(actor.get());
        try {
            return new CommandLine.RunLast().execute(parsed);
        } finally {
            ACTOR.remove();
        }
    }

    /** The actor let in, audited; or empty, the refusal audited and explained on {@code err}. */
    private Optional<String> admit(Store store, String name, Permissions.Entry entry, PrintWriter err) {
        String operator = "cli:" + System.getProperty("user.name", "unknown");
        Access access = Access.of(store.accounts());
        Optional<String> key = key(err);
        if (key.isEmpty()) {
            if (BOOTSTRAP.contains(name)
                    && access.users().isEmpty()
                    && access.keys().isEmpty()) {
                store.audit().record(operator, "command.bootstrap", name, null);
                return Optional.of(operator);
            }
            store.audit().record(operator, "command.refused", name, "no credential");
            err.println("vigie " + name + ": needs an API key of one of the roles " + roles(entry) + " in " + KEY_ENV
                    + " (or a file named by " + KEY_FILE_ENV + "); see docs/SECURITY.md");
            return Optional.empty();
        }
        Optional<Principal.Staff> who = access.apiKey(key.get());
        if (who.isEmpty()) {
            store.audit().record(operator, "command.refused", name, "unknown or revoked key");
            err.println("vigie " + name + ": the API key in " + KEY_ENV + " is unknown or revoked");
            return Optional.empty();
        }
        if (!entry.allows(who.get().role())) {
            store.audit()
                    .record(
                            who.get().actor(),
                            "command.refused",
                            name,
                            "role " + who.get().role().id());
            err.println("vigie " + name + ": the role " + who.get().role().id() + " may not run this command (roles: "
                    + roles(entry) + ")");
            return Optional.empty();
        }
        store.audit().record(who.get().actor(), "command", name, null);
        return Optional.of(who.get().actor());
    }

    /** The key from the environment: the variable itself, or the first line of the file it names. */
    private Optional<String> key(PrintWriter err) {
        String direct = env.get(KEY_ENV);
        if (direct != null && !direct.isBlank()) {
            return Optional.of(direct.strip());
        }
        String file = env.get(KEY_FILE_ENV);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0).strip());
        } catch (IOException | RuntimeException e) {
            err.println("vigie: the key file named by " + KEY_FILE_ENV + " cannot be read");
            return Optional.empty();
        }
    }

    private static String roles(Permissions.Entry entry) {
        return String.join(
                ", ", entry.roles().stream().map(r -> r.id()).sorted().toList());
    }
}
