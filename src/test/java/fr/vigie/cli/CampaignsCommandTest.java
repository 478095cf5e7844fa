package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignsCommandTest {
    @TempDir
    Path data;

    private static String[] vigie(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void generatedReportsFormCampaignsListedBiggestFirst() throws Exception {
        assertThat(vigie("generate", "--reports", "300", "--data", data.toString())[0])
                .isEqualTo("0");

        String[] run = vigie("campaigns", "--json", "--limit", "5", "--data", data.toString());

        assertThat(run[0]).isEqualTo("0");
        String[] lines = run[1].strip().split("\n");
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
        String before = vigie("campaigns", "--json", "--data", data.toString())[1];

        String[] after = vigie("campaigns", "--rebuild", "--json", "--data", data.toString());

        assertThat(after[2]).contains("200 reports linked again");
        assertThat(after[1]).isEqualTo(before);
    }

    @Test
    void anEmptyStoreHasNoCampaignAndSaysSo() {
        assertThat(vigie("campaigns", "--data", data.toString())[1]).contains("no campaign yet");
        assertThat(vigie("campaigns", "--sort", "colour", "--data", data.toString())[0])
                .isEqualTo("2");
    }
}
