package fr.vigie.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.app.App;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI file and the server cannot drift: a route added to one and not the other fails here.
 * (The report routes, POST /api/reports, GET /api/reports/{id} and GET /api/reports, go into both when they are
 * built.)
 */
class OpenApiTest {
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static JsonNode openApi() throws IOException {
        try (InputStream in = HttpServer.class.getResourceAsStream(HttpServer.OPENAPI)) {
            return TestServer.JSON.readTree(in);
        }
    }

    @Test
    void everyServedRouteIsDescribedAndEveryDescribedRouteIsServed() throws IOException {
        Set<String> described = new TreeSet<>();
        openApi()
                .get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (METHODS.contains(operation.getKey())) {
                        described.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        Set<String> served = new TreeSet<>();
        try (TestServer server = new TestServer(1 << 20)) {
            server.server.endpoints().forEach(e -> served.add(e.method.name() + " " + e.path));
        }
        assertThat(described).isEqualTo(served);
    }

    @Test
    void describesVersion31WithTheApplicationsVersion() throws IOException {
        JsonNode openApi = openApi();
        assertThat(openApi.get("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(openApi.get("info").get("version").asText()).isEqualTo(App.VERSION);
    }

    @Test
    void applicationVersionIsThePoms() throws IOException {
        Matcher version = Pattern.compile("<artifactId>vigie</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        assertThat(version.group(1)).isIn(App.VERSION, App.VERSION + "-SNAPSHOT");
    }

    @Test
    void everyReferenceInTheFilePointsAtADefinition() throws IOException {
        JsonNode openApi = openApi();
        openApi.findValuesAsText("$ref").forEach(ref -> {
            assertThat(ref).startsWith("#/");
            JsonNode target = openApi.at(ref.substring(1));
            assertThat(target.isMissingNode()).as(ref).isFalse();
        });
    }
}
