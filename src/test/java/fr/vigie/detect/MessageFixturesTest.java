package fr.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.message.Header;
import fr.vigie.message.TextPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages as people receive them, under src/test/resources/detect/&lt;scheme&gt;/, checked against the hand-written
 * table in expectations.json: the rules each must fire, the rules it must not (named near-misses included), and
 * bounds on the capped score. Every evidence span must be exactly the original text it points at.
 */
class MessageFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String file, List<String> expect, List<String> notExpect, Double minScore, Double maxScore) {}

    static Stream<Arguments> cases() {
        JsonNode root;
        try {
            root = JSON.readTree(bytes("expectations.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode node : root.get("cases")) {
            Case c = new Case(
                    node.get("file").asText(),
                    strings(node.get("expect")),
                    strings(node.get("notExpect")),
                    node.has("minScore") ? node.get("minScore").asDouble() : null,
                    node.has("maxScore") ? node.get("maxScore").asDouble() : null);
            cases.add(Arguments.of(Named.of(c.file(), c)));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void firesWhatItShouldAndNothingItShouldNot(Case c) {
        List<String> fired = evaluate(c.file()).stream().map(RedFlag::ruleId).toList();
        assertThat(fired).as("fired in %s", c.file()).containsAll(c.expect());
        assertThat(fired).as("fired in %s", c.file()).doesNotContainAnyElementsOf(c.notExpect());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void scoreStaysWithinItsBounds(Case c) {
        double total = Engines.ENGINE.score(evaluate(c.file())).total();
        if (c.minScore() != null) {
            assertThat(total).as("score of %s", c.file()).isGreaterThanOrEqualTo(c.minScore());
        }
        if (c.maxScore() != null) {
            assertThat(total).as("score of %s", c.file()).isLessThanOrEqualTo(c.maxScore());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyEvidenceIsTheOriginalTextItPointsAt(Case c) {
        Harmonised message = harmonise(c.file());
        for (RedFlag flag : Engines.ENGINE.evaluate(message)) {
            for (RedFlag.Evidence evidence : flag.evidence()) {
                Optional<String> original = original(message, evidence.part());
                assertThat(original)
                        .as("%s: part %s", flag.ruleId(), evidence.part())
                        .isPresent();
                assertThat(original.get().substring(evidence.start(), evidence.end()))
                        .as("%s in %s", flag.ruleId(), evidence.part())
                        .isEqualTo(evidence.text());
            }
        }
    }

    /** The text a part name points into, resolved here from the message alone. */
    private static Optional<String> original(Harmonised message, String part) {
        if (part.startsWith("header:")) {
            String name = part.substring("header:".length());
            return message.headers().stream()
                    .filter(h -> h.is(name))
                    .findFirst()
                    .map(Header::value)
                    .or(() -> Optional.ofNullable(name.equals("Subject") ? message.subject() : null));
        }
        String index = part.split(":")[1];
        return message.parts().stream()
                .filter(p -> String.valueOf(p.index()).equals(index))
                .findFirst()
                .map(TextPart::text);
    }

    static List<RedFlag> evaluate(String file) {
        return Engines.ENGINE.evaluate(harmonise(file));
    }

    static Harmonised harmonise(String file) {
        byte[] bytes = bytes(file);
        return file.endsWith(".eml")
                ? Engines.HARMONISER.harmonise(bytes)
                : Engines.HARMONISER.harmoniseText(new String(bytes, StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String file) {
        try (InputStream in = MessageFixturesTest.class.getResourceAsStream("/detect/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
