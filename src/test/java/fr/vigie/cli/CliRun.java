package fr.vigie.cli;

import fr.vigie.access.Access;
import fr.vigie.access.PasswordHasher;
import fr.vigie.access.Role;
import fr.vigie.app.Config;
import fr.vigie.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One run of the {@code vigie} command line in this JVM: its exit code and what it printed. */
record CliRun(int code, String out, String err) {
    /** Without credentials, as the local operator. */
    static CliRun vigie(String... args) {
        return withEnv(Map.of(), args);
    }

    /** With a new API key of {@code role} on the embedded store in {@code data}, given as VIGIE_API_KEY. */
    static CliRun vigieAs(Role role, Path data, String... args) {
        return withEnv(Map.of(CommandGate.KEY_ENV, key(role, data)), args);
    }

    static CliRun withEnv(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A new service account's key of {@code role} on the embedded store in {@code data}. */
    static String key(Role role, Path data) {
        try (Store store = Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null))) {
            // events to nowhere: a test's own set-up is not what it checks
            Access quiet = new Access(
                    store.accounts(),
                    new PasswordHasher(),
                    java.time.Clock.systemUTC(),
                    Access.SESSION_LENGTH,
                    (actor, action, target, reason) -> {});
            return quiet.createKey("cli-test-" + role.id(), role, "test");
        }
    }
}
