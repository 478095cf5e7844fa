package fr.vigie.cli;

import static fr.vigie.cli.CliRun.vigie;
import static fr.vigie.cli.CliRun.vigieAs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.access.Role;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupCommandTest {
    @TempDir
    Path data;

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(LookupCommandTest.class.getResource("/import/" + name).toURI())
                .toString();
    }

    @Test
    void aPhoneFoundInAnImportedMessageIsLookedUpAsWrittenWithItsKindInferred() throws Exception {
        vigie("import", "--data", data.toString(), fixture("folder"));

        CliRun run = vigieAs(Role.ANALYST, data, "lookup", "--json", "--data", data.toString(), "06 12 34 56 78");

        assertThat(run.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("kind").asText()).isEqualTo("phone");
        assertThat(json.get("normalized").asText()).isEqualTo("+33612345678");
        assertThat(json.get("reportCount").asInt()).isEqualTo(1);
        assertThat(json.get("warningListed").isBoolean()).isTrue();
        assertThat(json.get("campaigns").isArray()).isTrue();
        assertThat(vigieAs(Role.ANALYST, data, "lookup", "--data", data.toString(), "06 12 34 56 78")
                        .out())
                .contains("in 1 report(s)");
    }

    @Test
    void aValueThatIsNoIdentifierIsAUsageError() {
        CliRun run = vigieAs(Role.ANALYST, data, "lookup", "--data", data.toString(), "hello there");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not an identifier");
    }

    @Test
    void anIdentifierInNoReportSaysSo() {
        assertThat(vigieAs(Role.ANALYST, data, "lookup", "--data", data.toString(), "+33 6 98 76 54 32")
                        .out())
                .contains("in no report");
    }

    @Test
    void aValueThatNeverLinksSaysSoAndWhy() throws Exception {
        CliRun run =
                vigieAs(Role.ANALYST, data, "lookup", "--json", "--data", data.toString(), "https://www.interpol.int/");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("warningListed").asBoolean()).isTrue();
        assertThat(json.get("neverLinks").asText()).isNotBlank();
        assertThat(json.get("explanation").asText()).isNotBlank();
    }
}
