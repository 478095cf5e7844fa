package fr.vigie.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.InvalidDataFileException;
import fr.vigie.access.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The OpenID Connect settings file and its validator: every refusal names the field and what it expects. */
class OidcSettingsTest {

    static Stream<String[]> invalidFiles() {
        return read("oidc/invalid/expected.tsv")
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void eachInvalidSettingsFileIsRefusedNamingItsProblem(String file, String fragment) {
        assertThatThrownBy(() -> OidcSettings.parse(file, read("oidc/invalid/" + file)))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(fragment);
    }

    @Test
    void everyInvalidFixtureHasItsExpectedRefusal() throws IOException {
        try (var files = Files.list(Path.of("src/test/resources/oidc/invalid"))) {
            List<String> fixtures = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .toList();
            assertThat(invalidFiles().map(r -> r[0]).toList()).hasSameElementsAs(fixtures);
        }
    }

    @Test
    void keycloakStyleSettingsReadANestedRoleClaimWithDefaults() {
        OidcSettings settings = OidcSettings.parse("keycloak-style.json", read("oidc/keycloak-style.json"));
        assertThat(settings.scopes()).containsExactly("openid");
        assertThat(settings.nameClaim()).isEqualTo("preferred_username");
        assertThat(settings.algorithm()).isEqualTo("RS256");
        assertThat(settings.providerName()).isEqualTo("login.unit.example");
        assertThat(settings.clientSecretFile()).isEmpty();
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("offline_access", "supervisor")));
        assertThat(settings.roleOf(OidcClient.values(OidcClient.claim(claims, settings.roleClaim()))))
                .contains(Role.SUPERVISOR);
    }

    @Test
    void firstMatchingRuleGivesTheRoleAndNoMatchGivesNone() {
        OidcSettings settings = OidcSettings.parse("settings.json", settingsText("https://idp.example"));
        assertThat(settings.roleOf(Set.of("vigie-analysts", "vigie-supervisors")))
                .contains(Role.SUPERVISOR);
        assertThat(settings.roleOf(Set.of("vigie-analysts"))).contains(Role.ANALYST);
        assertThat(settings.roleOf(Set.of("marketing", "Vigie-Analysts"))).isEmpty();
    }

    @Test
    void clientSecretComesFromItsFileElseFromTheEnvironment(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "from-the-file\n");
        OidcSettings withFile = OidcSettings.parse(
                "settings.json", settingsText("https://idp.example").replace("{secret_file}", secret.toString()));
        assertThat(withFile.secret(Map.of(OidcSettings.SECRET_VARIABLE, "from-env")))
                .isEqualTo("from-the-file");

        OidcSettings withoutFile = OidcSettings.parse("keycloak-style.json", read("oidc/keycloak-style.json"));
        assertThat(withoutFile.secret(Map.of(OidcSettings.SECRET_VARIABLE, "from-env")))
                .isEqualTo("from-env");
        assertThatThrownBy(() -> withoutFile.secret(Map.of()))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageContaining(OidcSettings.SECRET_VARIABLE);
    }

    @Test
    void settingsNeverCarryTheSecretInTheirFields(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "canary-secret-4417");
        OidcSettings settings = OidcSettings.parse(
                "settings.json", settingsText("https://idp.example").replace("{secret_file}", secret.toString()));
        assertThat(settings.toString()).doesNotContain("canary-secret-4417");
        assertThat(settings.clientSecretFile()).isEqualTo(Optional.of(secret));
    }

    static String settingsText(String issuer) {
        return read("oidc/settings.json")
                .replace("{issuer}", issuer)
                .replace("{redirect}", "https://vigie.example/console/oidc/callback");
    }

    static String read(String resource) {
        try (InputStream in = OidcSettingsTest.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
