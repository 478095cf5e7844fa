package fr.vigie.oidc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.InvalidDataFileException;
import fr.vigie.access.Role;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How Vigie signs people in through their organisation's OpenID Connect provider: a JSON file given to {@code vigie
 * serve --oidc-config} (docs: README, "OpenID Connect sign-in"), checked whole before the server starts. The client
 * secret is never in this file's fields: it is read from the file {@code client_secret_file} names, else from the
 * environment variable {@value #SECRET_VARIABLE}.
 *
 * @param issuer the provider's issuer; its discovery document is {@code <issuer>/.well-known/openid-configuration}
 * @param clientId Vigie's client id at the provider
 * @param clientSecretFile where the client secret is; empty: {@value #SECRET_VARIABLE}
 * @param redirectUri this server's {@code /console/oidc/callback} as the browser reaches it (registered at the
 *     provider)
 * @param scopes asked for; {@code openid} always among them
 * @param roleClaim the ID token claim that carries the person's groups or roles; a dotted path reaches into an object
 *     ({@code realm_access.roles})
 * @param nameClaim the claim whose value names the account ({@code oidc.<value>})
 * @param roles the claim's values that give a Vigie role, first match wins; a person with none is refused
 * @param algorithm the signature algorithm ID tokens must carry (RS256, ES256…)
 * @param providerName what the sign-in button calls the provider ("Sign in with …")
 */
public record OidcSettings(
        URI issuer,
        String clientId,
        Optional<Path> clientSecretFile,
        URI redirectUri,
        List<String> scopes,
        String roleClaim,
        String nameClaim,
        List<RoleRule> roles,
        String algorithm,
        String providerName) {

    /** The environment variable the client secret is read from when no file is named. */
    public static final String SECRET_VARIABLE = "VIGIE_OIDC_CLIENT_SECRET";

    /** The path of the callback route, which the redirect URI must end with. */
    public static final String CALLBACK_PATH = "/console/oidc/callback";

    private static final Set<String> FIELDS = Set.of(
            "issuer",
            "client_id",
            "client_secret_file",
            "redirect_uri",
            "scopes",
            "role_claim",
            "name_claim",
            "roles",
            "algorithm",
            "provider_name");
    private static final Set<String> ALGORITHMS =
            Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the mapping: a person whose claim holds {@code value} gets {@code role}. */
    public record RoleRule(String value, Role role) {}

    public OidcSettings {
        scopes = List.copyOf(scopes);
        roles = List.copyOf(roles);
    }

    /** Reads and checks a settings file. */
    public static OidcSettings read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidDataFileException(
                    file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(file.toString(), text);
    }

    /**
     * Parses and checks settings; every refusal names the field and what it expects.
     *
     * @throws InvalidDataFileException when the text is not such a file
     */
    public static OidcSettings parse(String file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidDataFileException(
                    file, "not JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDataFileException(file, "must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (field.equals("client_secret")) {
                throw new InvalidDataFileException(
                        file,
                        "'client_secret' is never written here: name a file in 'client_secret_file' or set "
                                + SECRET_VARIABLE);
            }
            if (!FIELDS.contains(field)) {
                throw new InvalidDataFileException(
                        file, "unknown field '" + field + "' (known: " + new java.util.TreeSet<>(FIELDS) + ")");
            }
        }
        URI issuer = url(file, root, "issuer");
        if (issuer.getQuery() != null || issuer.getFragment() != null) {
            throw new InvalidDataFileException(file, "'issuer' has no query and no fragment");
        }
        String clientId = text(file, root, "client_id", null);
        Optional<Path> secretFile = root.has("client_secret_file")
                ? Optional.of(Path.of(text(file, root, "client_secret_file", null)))
                : Optional.empty();
        URI redirect = url(file, root, "redirect_uri");
        if (!CALLBACK_PATH.equals(redirect.getPath()) || redirect.getQuery() != null) {
            throw new InvalidDataFileException(
                    file, "'redirect_uri' must be this server's address followed by " + CALLBACK_PATH);
        }
        List<String> scopes = new ArrayList<>();
        if (root.has("scopes")) {
            JsonNode list = root.get("scopes");
            if (!list.isArray()) {
                throw new InvalidDataFileException(file, "'scopes' is a list of strings");
            }
            for (JsonNode scope : list) {
                if (!scope.isTextual() || !scope.asText().matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+")) {
                    throw new InvalidDataFileException(file, "'scopes': each scope is a word of printable ASCII");
                }
                if (!scopes.contains(scope.asText())) {
                    scopes.add(scope.asText());
                }
            }
        }
        if (!scopes.contains("openid")) {
            scopes.add(0, "openid");
        }
        String roleClaim = text(file, root, "role_claim", null);
        String nameClaim = text(file, root, "name_claim", "preferred_username");
        List<RoleRule> roles = roles(file, root.get("roles"));
        String algorithm = text(file, root, "algorithm", "RS256");
        if (!ALGORITHMS.contains(algorithm)) {
            throw new InvalidDataFileException(file, "'algorithm' is one of " + new java.util.TreeSet<>(ALGORITHMS));
        }
        String providerName = text(file, root, "provider_name", issuer.getHost());
        if (providerName.length() > 60) {
            throw new InvalidDataFileException(file, "'provider_name' has at most 60 characters");
        }
        return new OidcSettings(
                issuer, clientId, secretFile, redirect, scopes, roleClaim, nameClaim, roles, algorithm, providerName);
    }

    /**
     * The client secret: the file's first line, else the environment's {@value #SECRET_VARIABLE}. Never logged,
     * never stored.
     *
     * @throws InvalidDataFileException when neither gives one
     */
    public String secret(Map<String, String> environment) {
        if (clientSecretFile.isPresent()) {
            try {
                String secret = Files.readString(clientSecretFile.get(), StandardCharsets.UTF_8)
                        .strip();
                if (secret.isEmpty()) {
                    throw new InvalidDataFileException(
                            clientSecretFile.get().toString(), "the client secret file is empty");
                }
                return secret;
            } catch (IOException e) {
                throw new InvalidDataFileException(
                        clientSecretFile.get().toString(), "the client secret file cannot be read");
            }
        }
        String secret = environment.getOrDefault(SECRET_VARIABLE, "").strip();
        if (secret.isEmpty()) {
            throw new InvalidDataFileException(
                    "OpenID Connect settings", "no client secret: set 'client_secret_file' or " + SECRET_VARIABLE);
        }
        return secret;
    }

    /** The role of the first rule whose value the person holds; empty when none. */
    public Optional<Role> roleOf(Set<String> held) {
        return roles.stream()
                .filter(r -> held.contains(r.value()))
                .map(RoleRule::role)
                .findFirst();
    }

    private static List<RoleRule> roles(String file, JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidDataFileException(
                    file, "'roles' is a non-empty list of {\"value\": claim value, \"role\": Vigie role}");
        }
        List<RoleRule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode entry : list) {
            String at = "'roles'[" + index++ + "]";
            if (!entry.isObject()
                    || entry.size() != 2
                    || !entry.path("value").isTextual()
                    || !entry.path("role").isTextual()) {
                throw new InvalidDataFileException(file, at + " has exactly a 'value' and a 'role', both strings");
            }
            String value = entry.get("value").asText();
            if (value.isBlank()) {
                throw new InvalidDataFileException(file, at + ": 'value' is empty");
            }
            if (!seen.add(value)) {
                throw new InvalidDataFileException(file, at + ": the value '" + value + "' is mapped twice");
            }
            Role role = Role.ofAccount(entry.get("role").asText())
                    .orElseThrow(() -> new InvalidDataFileException(
                            file, at + ": 'role' is one of analyst, supervisor, dpo, admin (a victim has no account)"));
            rules.add(new RoleRule(value, role));
        }
        return rules;
    }

    private static String text(String file, JsonNode root, String field, String fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new InvalidDataFileException(file, "'" + field + "' is missing");
            }
            return fallback;
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > 500) {
            throw new InvalidDataFileException(file, "'" + field + "' is a non-empty string of at most 500 characters");
        }
        return node.asText().strip();
    }

    /** An https URL, or http on a loopback host (a provider or a server on this machine: tests, development). */
    private static URI url(String file, JsonNode root, String field) {
        String value = text(file, root, field, null);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidDataFileException(file, "'" + field + "' is not a URL");
        }
        String host = uri.getHost();
        boolean loopback = host != null
                && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
        boolean ok = "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback);
        if (!ok || host == null || uri.getUserInfo() != null) {
            throw new InvalidDataFileException(
                    file, "'" + field + "' must be an https URL (http only on localhost or 127.0.0.1)");
        }
        return uri;
    }
}
