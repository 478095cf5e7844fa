package fr.vigie.cli;

import static fr.vigie.cli.CliRun.vigie;
import static fr.vigie.cli.CliRun.vigieAs;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.access.Access;
import fr.vigie.access.Permissions;
import fr.vigie.access.Role;
import fr.vigie.app.Config;
import fr.vigie.store.Store;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AccountCommandsTest {
    @TempDir
    Path data;

    /** {@code vigie ARGS} with {@code stdin} as standard input (a password piped in). */
    static CliRun withInput(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return vigie(args);
        } finally {
            System.setIn(original);
        }
    }

    Store store() {
        return Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null));
    }

    @Test
    void anAccountAddedWithAPasswordFromStandardInputSignsInListsAndIsDisabled() {
        CliRun added = withInput(
                "une phrase de passe assez longue\n",
                "users",
                "add",
                "--role",
                "supervisor",
                "--data",
                data.toString(),
                "alice");

        assertThat(added.code()).as(added.err()).isZero();
        try (Store store = store()) {
            var access = Access.of(store.accounts());
            assertThat(access.signIn("alice", "une phrase de passe assez longue".toCharArray()))
                    .hasValueSatisfying(s -> assertThat(s.who().role().id()).isEqualTo("supervisor"));
            assertThat(store.accounts().account("alice").orElseThrow().passwordHash())
                    .startsWith("$argon2id$")
                    .doesNotContain("phrase");
        }
        assertThat(vigieAs(Role.ADMIN, data, "users", "list", "--data", data.toString())
                        .out())
                .contains("alice", "supervisor", "enabled");
        assertThat(vigieAs(Role.ADMIN, data, "users", "disable", "--data", data.toString(), "alice")
                        .code())
                .isZero();
        assertThat(vigieAs(Role.ADMIN, data, "users", "list", "--data", data.toString())
                        .out())
                .contains("disabled");
        try (Store store = store()) {
            assertThat(Access.of(store.accounts()).signIn("alice", "une phrase de passe assez longue".toCharArray()))
                    .isEmpty();
        }
    }

    @Test
    void aPasswordIsNeverAnArgumentAndAShortOneOrAnUnknownRoleIsAUsageError() {
        assertThat(withInput("short\n", "users", "add", "--role", "analyst", "--data", data.toString(), "bob")
                        .code())
                .isEqualTo(2);
        assertThat(withInput(
                                "une phrase de passe assez longue\n",
                                "users",
                                "add",
                                "--role",
                                "root",
                                "--data",
                                data.toString(),
                                "bob")
                        .code())
                .isEqualTo(2);
        assertThat(withInput(
                                "une phrase de passe assez longue\n",
                                "users",
                                "add",
                                "--role",
                                "victim",
                                "--data",
                                data.toString(),
                                "bob")
                        .code())
                .isEqualTo(2);
        assertThat(vigie("users", "add", "--role", "analyst", "--password", "x", "--data", data.toString(), "bob")
                        .code())
                .isEqualTo(2);
    }

    @Test
    void aNameAlreadyTakenIsAUsageErrorThatSaysSo() {
        String password = "une phrase de passe assez longue\n";
        assertThat(withInput(password, "users", "add", "--role", "analyst", "--data", data.toString(), "carol")
                        .code())
                .isZero();

        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(password.getBytes(StandardCharsets.UTF_8)));
        CliRun again;
        try {
            again = vigieAs(
                    Role.ADMIN, data, "users", "add", "--role", "supervisor", "--data", data.toString(), "carol");
        } finally {
            System.setIn(original);
        }

        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("vigie users add:", "already an account named carol");
        try (Store store = store()) {
            assertThat(store.accounts().account("carol").orElseThrow().role()).isEqualTo("analyst");
        }
    }

    @Test
    void aKeyIsShownOnceStoredHashedAndRevoked() {
        CliRun created = vigie("apikeys", "create", "--role", "analyst", "--data", data.toString(), "ingest");

        assertThat(created.code()).as(created.err()).isZero();
        String key = created.out().strip();
        assertThat(key).startsWith("vk_");
        CliRun listed = vigieAs(Role.ADMIN, data, "apikeys", "list", "--data", data.toString());
        assertThat(listed.out()).contains("ingest", "analyst", "live").doesNotContain(key.substring(20));
        try (Store store = store()) {
            assertThat(Access.of(store.accounts()).apiKey(key)).isPresent();
        }

        assertThat(vigieAs(Role.ADMIN, data, "apikeys", "revoke", "--data", data.toString(), "ingest")
                        .code())
                .isZero();

        assertThat(vigieAs(Role.ADMIN, data, "apikeys", "list", "--data", data.toString())
                        .out())
                .contains("revoked");
        try (Store store = store()) {
            assertThat(Access.of(store.accounts()).apiKey(key)).isEmpty();
            assertThat(store.accounts().events())
                    .extracting(e -> e.action())
                    .containsExactly("apikey-create", "apikey-revoke");
        }
        assertThat(vigieAs(Role.ADMIN, data, "apikeys", "revoke", "--data", data.toString(), "ingest")
                        .code())
                .isEqualTo(2);
    }

    @Test
    void everyCommandThatRunsIsInThePermissionTableAndTheTableNamesNoOther() {
        Set<String> runnable = new TreeSet<>();
        collect(new CommandLine(Main.class), runnable);

        assertThat(runnable).isEqualTo(new TreeSet<>(Permissions.bundled().commands()));
    }

    private static void collect(CommandLine command, Set<String> names) {
        Object user = command.getCommandSpec().userObject();
        String name = command.getCommandSpec().qualifiedName(" ").replaceFirst("^vigie ?", "");
        if (!name.isEmpty() && (user instanceof Callable<?> || user instanceof Runnable)) {
            names.add(name);
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, names));
    }
}
