package fr.vigie.cli;

import static fr.vigie.cli.CliRun.vigie;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static String fixture(String path) {
        try {
            return Path.of(CheckCommandTest.class.getResource("/" + path).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jsonAnswerHasTheHeaderAndIndicatorFields() throws IOException {
        CliRun run = vigie("check", "--json", fixture("messages/fake-interpol.eml"));
        assertThat(run.code()).isZero();
        JsonNode answer = JSON.readTree(run.out());
        assertThat(answer.get("language").asText()).isEqualTo("fr");
        JsonNode headers = answer.get("headers");
        assertThat(headers.get("hops")).hasSize(2);
        assertThat(headers.get("originatingIp").get("ip").asText()).isEqualTo("185.220.101.33");
        assertThat(headers.get("spf").get("result").asText()).isEqualTo("fail");
        assertThat(headers.get("dmarc").get("result").asText()).isEqualTo("fail");
        assertThat(headers.get("dkim").get("result").asText()).isEqualTo("none");
        assertThat(headers.get("mismatches").findValuesAsText("code")).contains("display_name_impersonates_authority");
        JsonNode phone = findIndicator(answer, "phone");
        assertThat(phone.get("normalized").asText()).isEqualTo("+33612345678");
        assertThat(phone.get("value").asText()).isEqualTo("06 12 34 56 78");
        assertThat(phone.get("location").get("part").asText()).isEqualTo("body:1");
    }

    @Test
    void jsonAnswerHasTheVerdictFields() throws IOException {
        JsonNode answer = JSON.readTree(
                vigie("check", "--json", fixture("messages/fake-interpol.eml")).out());
        assertThat(answer.get("verdict").asText()).isEqualTo("scam");
        assertThat(answer.get("score").asInt()).isBetween(0, 100);
        assertThat(answer.get("scamTypes").get(0).get("type").asText()).isEqualTo("fake_authority");
        assertThat(answer.get("scamTypes").get(0).get("confidence").asDouble()).isBetween(0.0, 1.0);
        JsonNode flag = answer.get("redFlags").get(0);
        assertThat(flag.get("id").asText()).matches("[A-Z][A-Z0-9_]+");
        assertThat(flag.get("explanation").asText()).isNotBlank();
        JsonNode evidence = flag.get("evidence").get(0);
        assertThat(evidence.get("end").asInt())
                .isGreaterThan(evidence.get("start").asInt());
        assertThat(evidence.get("part").asText()).isNotBlank();
        assertThat(answer.get("advice").findValuesAsText("id")).contains("DO_NOT_PAY", "KEEP_EVIDENCE");
    }

    @Test
    void textOnStandardInputIsChecked() {
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(
                    "Votre colis est bloqué, payez 1,99 EUR ici : hxxps://colis-suivi[.]info/pay".getBytes()));
            CliRun run = vigie("check", "--json", "-");
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("\"kind\":\"text\"").contains("\"kind\":\"url\"");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void mboxGivesOneJsonLinePerMessage() throws IOException {
        CliRun run = vigie("check", "--json", fixture("messages/three.mbox"));
        assertThat(run.code()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(2)).get("message").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(lines.get(2)).get("subject").asText()).isEqualTo("third");
    }

    @Test
    void humanAnswerIsInTheMessagesLanguage() {
        CliRun run = vigie("check", fixture("messages/fake-interpol.eml"));
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("IP d'origine : 185.220.101.33").contains("+33 6 12 34 56 78");
    }

    @Test
    void langOptionChoosesTheAnswersLanguage() {
        CliRun run = vigie("check", "--lang", "en", fixture("messages/fake-interpol.eml"));
        assertThat(run.out()).contains("Originating IP: 185.220.101.33");
    }

    @Test
    void binaryInputExitsThreeWithTheReasonAndNoStackTrace() throws IOException {
        Path nul = temp.resolve("nul.bin");
        Files.write(nul, new byte[4096]);
        CliRun run = vigie("check", nul.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("binary").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingFileExitsThree() {
        CliRun run = vigie("check", temp.resolve("nope.eml").toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void missingArgumentIsAUsageError() {
        assertThat(vigie("check").code()).isEqualTo(2);
    }

    @Test
    void badCountryIsAUsageError() {
        assertThat(vigie("check", "--country", "France", fixture("messages/three.mbox"))
                        .code())
                .isEqualTo(2);
    }

    @Test
    void hostileMessagesInAnMboxAreRefusedOneByOneAndTheNextIsAnalysed() throws IOException {
        Path mbox = temp.resolve("hostile.mbox");
        try (OutputStream out = Files.newOutputStream(mbox)) {
            for (String hostile :
                    List.of("nested-10000-multiparts.eml.gz", "base64-bomb.eml.gz", "many-parts.eml.gz")) {
                out.write("From x Thu Jan  1 00:00:00 2026\n".getBytes());
                out.write(gunzip("hostile/" + hostile));
                out.write('\n');
            }
            out.write("From x Thu Jan  1 00:00:00 2026\nFrom: a@example.org\nSubject: fine\n\nhello\n".getBytes());
        }
        CliRun run = vigie("check", "--json", mbox.toString());
        List<String> lines = run.out().lines().toList();
        assertThat(run.code()).isEqualTo(3);
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3))
                .allSatisfy(line -> assertThat(JSON.readTree(line).has("error")).isTrue());
        assertThat(JSON.readTree(lines.get(3)).get("subject").asText()).isEqualTo("fine");
    }

    @Test
    void jsonAnswerCarriesTheOrientationStepsWithTheirReasons() throws IOException {
        JsonNode orientation = JSON.readTree(
                        vigie("check", "--json", "--lang", "en", fixture("messages/fake-interpol.eml"))
                                .out())
                .get("orientation");
        assertThat(orientation.get("jurisdiction").asText()).isEqualTo("FR");
        JsonNode steps = orientation.get("steps");
        assertThat(steps.findValuesAsText("service"))
                .startsWith("do_not_pay", "do_not_answer", "fake_authority_warning")
                .contains("keep_evidence", "pharos");
        assertThat(steps.get(2).get("reason").asText()).contains("INTERPOL never contacts victims");
        assertThat(steps.get(2).get("urgency").asText()).isEqualTo("now");
        assertThat(steps.findValuesAsText("site")).contains("https://www.internet-signalement.gouv.fr/");
    }

    @Test
    void countryWithoutATableGetsTheGeneralPathAndAMinorTheChildProtectionFirst() throws IOException {
        JsonNode brazil = JSON.readTree(
                        vigie("check", "--json", "--country", "BR", fixture("messages/fake-interpol.eml"))
                                .out())
                .get("orientation");
        assertThat(brazil.get("jurisdiction").asText()).isEqualTo("general");
        assertThat(brazil.get("steps").findValuesAsText("service")).doesNotContain("pharos", "signal_spam");
        JsonNode minor = JSON.readTree(vigie("check", "--json", "--minor", fixture("messages/fake-interpol.eml"))
                        .out())
                .get("orientation");
        assertThat(minor.get("steps").findValuesAsText("service")).startsWith("trusted_adult", "e_enfance_3018");
    }

    @Test
    void textAnswerSaysWhereToTurnBeforeTheFacts() {
        String out = vigie("check", "--lang", "en", fixture("messages/fake-interpol.eml"))
                .out();
        assertThat(out).contains("Where to turn (FR):").contains("https://www.internet-signalement.gouv.fr/");
        assertThat(out.indexOf("Where to turn")).isGreaterThan(out.indexOf("What to do now"));
        assertThat(out.indexOf("Where to turn")).isLessThan(out.indexOf("SHA-256"));
    }

    @Test
    void rulesCheckValidatesTheBundledData() {
        CliRun run = vigie("rules", "check");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("data files valid");
    }

    private static JsonNode findIndicator(JsonNode answer, String kind) {
        for (JsonNode node : answer.get("indicators")) {
            if (node.get("kind").asText().equals(kind)) {
                return node;
            }
        }
        throw new AssertionError("no " + kind + " indicator in " + answer.get("indicators"));
    }

    private static byte[] gunzip(String path) throws IOException {
        try (InputStream in = new GZIPInputStream(CheckCommandTest.class.getResourceAsStream("/" + path))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
