package fr.vigie.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.InvalidDataFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionsTest {
    static Permissions parse(String... lines) {
        return Permissions.parse("test.tsv", String.join("\n", lines));
    }

    @Test
    void theBundledTableIsValid() {
        Permissions table = Permissions.bundled();

        assertThat(table.routes()).contains("POST /api/reports/{id}/reveal", "GET /api/reports/{id}");
        assertThat(table.commands()).contains("users add", "apikeys create");
    }

    @Test
    void onlyASupervisorRevealsAndAVictimReachesOnlyTheRoutesOfOneReport() {
        Permissions table = Permissions.bundled();

        Permissions.Entry reveal =
                table.route("POST", "/api/reports/{id}/reveal").orElseThrow();
        assertThat(reveal.anyone()).isFalse();
        assertThat(reveal.roles()).containsExactly(Role.SUPERVISOR);
        for (String route : table.routes()) {
            Permissions.Entry entry =
                    table.route(route.split(" ")[0], route.split(" ")[1]).orElseThrow();
            if (entry.roles().contains(Role.VICTIM)) {
                assertThat(route).as(route).startsWith("GET /api/reports/{id}");
            }
        }
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> parse("# comment", "route\tGET\t/x\tanalyst,superuser"))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageContaining("test.tsv")
                .hasMessageContaining("line 2")
                .hasMessageContaining("superuser");
    }

    @Test
    void malformedEntriesAreRefused() {
        for (String bad : List.of(
                "route\tFETCH\t/x\tanalyst",
                "route\tGET\tx\tanalyst",
                "route\tGET\t/x",
                "route\tGET\t/x\tanalyst,analyst",
                "route\tGET\t/api/reports\tvictim",
                "command\t-\timport\tvictim",
                "command\tGET\timport\tadmin",
                "table\tGET\t/x\tadmin")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(InvalidDataFileException.class);
        }
        assertThatThrownBy(() -> parse("route\tGET\t/x\tadmin", "route\tGET\t/x\tanalyst"))
                .hasMessageContaining("twice");
    }

    @Test
    void aServerWithARouteMissingFromTheTableOrATableNamingAnAbsentRouteIsRefused() {
        Permissions table = parse("route\tGET\t/a\tanyone", "route\tPOST\t/b\tadmin");

        table.requireExactly(List.of("GET /a", "POST /b"));
        assertThatThrownBy(() -> table.requireExactly(List.of("GET /a", "POST /b", "GET /c")))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageContaining("GET /c");
        assertThatThrownBy(() -> table.requireExactly(List.of("GET /a")))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageContaining("POST /b");
    }
}
