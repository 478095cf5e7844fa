package fr.vigie.cli;

import static fr.vigie.cli.CliRun.vigie;
import static fr.vigie.cli.CliRun.vigieAs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.access.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignsCommandTest {
    @TempDir
    Path data;

    @Test
    void generatedReportsFormCampaignsListedBiggestFirst() throws Exception {
        assertThat(vigie("generate", "--reports", "300", "--data", data.toString())
                        .code())
                .isEqualTo(0);

        CliRun run = vigieAs(Role.ANALYST, data, "campaigns", "--json", "--limit", "5", "--data", data.toString());

        assertThat(run.code()).isEqualTo(0);
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSizeBetween(1, 5);
        int previous = Integer.MAX_VALUE;
        for (String line : lines) {
            JsonNode campaign = new ObjectMapper().readTree(line);
            assertThat(campaign.get("reports").asInt()).isBetween(2, previous);
            previous = campaign.get("reports").asInt();
        }
    }

    @Test
    void aRebuildListsTheSameCampaigns() {
        vigie("generate", "--reports", "200", "--data", data.toString());
        String before = vigieAs(Role.ANALYST, data, "campaigns", "--json", "--data", data.toString())
                .out();

        CliRun after = vigieAs(Role.ANALYST, data, "campaigns", "--rebuild", "--json", "--data", data.toString());

        assertThat(after.err()).contains("200 reports linked again");
        assertThat(after.out()).isEqualTo(before);
    }

    @Test
    void anEmptyStoreHasNoCampaignAndSaysSo() {
        assertThat(vigieAs(Role.ANALYST, data, "campaigns", "--data", data.toString())
                        .out())
                .contains("no campaign yet");
        assertThat(vigieAs(Role.ANALYST, data, "campaigns", "--sort", "colour", "--data", data.toString())
                        .code())
                .isEqualTo(2);
    }
}
