package fr.vigie.cli;

import static fr.vigie.cli.CliRun.vigie;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.access.Permissions;
import fr.vigie.access.Role;
import fr.vigie.app.Config;
import fr.vigie.store.Audit;
import fr.vigie.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the authorization table, run with no credential and with an API key of each role: refused
 * (exit 4) exactly where the table says the role may not, and each use or refusal of a limited command is an entry
 * of the chained audit log naming who.
 */
class CommandMatrixTest {
    static final List<Role> STAFF = List.of(Role.ANALYST, Role.SUPERVISOR, Role.DPO, Role.ADMIN);

    @TempDir
    Path data;

    @TempDir
    Path other;

    Store store() {
        return Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null));
    }

    static Map<String, String> arguments() throws IOException {
        try (InputStream in = CommandMatrixTest.class.getResourceAsStream("/access/command-args.tsv")) {
            Map<String, String> args = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cols = line.split("\t", -1);
                    args.put(cols[0], cols[1]);
                }
            }
            return args;
        }
    }

    @Test
    void everyCommandRefusesExactlyTheRolesTheTableLeavesOut() throws Exception {
        Permissions table = Permissions.bundled();
        Map<String, String> args = arguments();
        assertThat(args.keySet())
                .as("arguments for every command")
                .containsExactlyInAnyOrderElementsOf(table.commands());
        Map<Role, String> keys = new EnumMap<>(Role.class);
        for (Role role : STAFF) {
            keys.put(role, CliRun.key(role, data));
        }
        Path file = Files.writeString(other.resolve("not-a-folder"), "x");
        List<String> mismatches = new ArrayList<>();
        InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream(new byte[0])); // no password for users add: it stops there
        try {
            run(table, args, keys, file, mismatches);
        } finally {
            System.setIn(stdin);
        }
        assertThat(mismatches).isEmpty();
    }

    private void run(
            Permissions table, Map<String, String> args, Map<Role, String> keys, Path file, List<String> mismatches) {
        for (String command : table.commands()) {
            Permissions.Entry entry = table.command(command).orElseThrow();
            if (args.get(command).equals("-")) {
                assertThat(entry.anyone())
                        .as(command + " is not started here, so it must be open to anyone")
                        .isTrue();
                continue;
            }
            List<String> argv = new ArrayList<>(Arrays.asList(command.split(" ")));
            for (String a : args.get(command).split(" ")) {
                if (!a.isEmpty()) {
                    argv.add(a.replace("{data}", data.toString()).replace("{file}", file.toString()));
                }
            }
            String[] line = argv.toArray(String[]::new);
            int none = vigie(line).code();
            if ((none == CommandGate.REFUSED) == entry.anyone()) {
                mismatches.add(command + " without a credential: exit " + none);
            }
            for (Role role : STAFF) {
                int code = CliRun.withEnv(Map.of(CommandGate.KEY_ENV, keys.get(role)), line)
                        .code();
                if ((code == CommandGate.REFUSED) == entry.allows(role)) {
                    mismatches.add(command + " as " + role.id() + ": exit " + code);
                }
            }
        }
    }

    @Test
    void aCommandsUseAndARefusalAreAuditedWithWhoAsked() throws Exception {
        String dpo = CliRun.key(Role.DPO, data);
        String analyst = CliRun.key(Role.ANALYST, data);

        CliRun used = CliRun.withEnv(Map.of(CommandGate.KEY_ENV, dpo), "audit", "verify", "--data", data.toString());
        CliRun refused =
                CliRun.withEnv(Map.of(CommandGate.KEY_ENV, analyst), "audit", "verify", "--data", data.toString());

        assertThat(used.code()).as(used.err()).isZero();
        assertThat(refused.code()).isEqualTo(CommandGate.REFUSED);
        assertThat(refused.err()).contains("analyst may not");
        try (Store store = store()) {
            assertThat(store.audit().last(2))
                    .extracting(
                            e -> e.actor() + " " + e.action() + " " + e.target().orElse(""))
                    .containsExactly(
                            "analyst:cli-test-analyst command.refused audit verify",
                            "dpo:cli-test-dpo command audit verify");
            assertThat(store.audit().verify().broken()).isEmpty();
        }
    }

    @Test
    void theKeyMayComeFromAFileNamedByTheEnvironment() throws Exception {
        Path keyFile = Files.writeString(other.resolve("key"), CliRun.key(Role.ADMIN, data) + "\n");

        CliRun run = CliRun.withEnv(
                Map.of(CommandGate.KEY_FILE_ENV, keyFile.toString()), "users", "list", "--data", data.toString());

        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void theFirstAdministratorIsMadeWithoutACredentialOnlyOnAStoreWithoutAccounts() {
        CliRun first = vigie("apikeys", "create", "--role", "admin", "--data", data.toString(), "ops");
        CliRun second = vigie("apikeys", "create", "--role", "admin", "--data", data.toString(), "intruder");

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("vk_");
        assertThat(second.code()).isEqualTo(CommandGate.REFUSED);
        try (Store store = store()) {
            assertThat(store.audit().last(10))
                    .extracting(Audit.Entry::action)
                    .contains("command.bootstrap", "command.refused");
        }
    }
}
