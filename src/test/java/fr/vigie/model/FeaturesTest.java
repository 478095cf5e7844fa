package fr.vigie.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.harmonise.Harmoniser;
import fr.vigie.text.NormalisedText;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped model was trained on the word features as first written (a String per token, a TreeMap of names):
 * the extraction must give exactly the same names and values, whatever it does to be fast.
 */
class FeaturesTest {
    private static final Harmoniser HARMONISER = new App(Config.defaults()).harmoniser();

    static Stream<Named<Harmonised>> messages() throws IOException, URISyntaxException {
        List<Named<Harmonised>> messages = new ArrayList<>();
        for (String folder : List.of("/detect", "/messages", "/forensics")) {
            Path root = Path.of(FeaturesTest.class.getResource(folder).toURI());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f ->
                                f.toString().endsWith(".eml") || f.toString().endsWith(".txt"))
                        .sorted()
                        .toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    Harmonised message = file.toString().endsWith(".eml")
                            ? HARMONISER.harmonise(bytes)
                            : HARMONISER.harmoniseText(new String(bytes, StandardCharsets.UTF_8));
                    messages.add(Named.of(root.relativize(file).toString(), message));
                }
            }
        }
        String odd = "Virement 1234,56 € ref 12ab34cd5678 ٣٤٥ chiffres arabes, 𝐁𝐎𝐍𝐔𝐒 gratuit 🎁 code"
                + " a".repeat(3) + " " + "x".repeat(30) + " " + "y".repeat(31) + " fin 2024 fin";
        messages.add(Named.of("digits, long tokens, supplementary chars", HARMONISER.harmoniseText(odd)));
        messages.add(Named.of("empty", HARMONISER.harmoniseText("?!")));
        return messages.stream();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void wordFeaturesAreThoseOfTheStraightforwardExtraction(Harmonised message) {
        Features.Vector vector = Features.DEFAULT.extract(message);
        Map<String, Double> words = new TreeMap<>();
        for (int i = 0; i < vector.names().length; i++) {
            if (vector.names()[i].startsWith("w")) {
                words.put(vector.names()[i], vector.values()[i]);
            }
        }
        assertThat(words).isEqualTo(referenceWords(message, Features.DEFAULT.buckets()));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void namesAreUniqueAndInNameOrder(Harmonised message) {
        String[] names = Features.DEFAULT.extract(message).names();
        for (int i = 1; i < names.length; i++) {
            assertThat(names[i - 1].compareTo(names[i]))
                    .as(names[i - 1] + " before " + names[i])
                    .isNegative();
        }
    }

    @Test
    void wordNamesSortAsStrings() {
        WordNames words = WordNames.of(1000);
        int[] inRankOrder = java.util.stream.IntStream.of(9, 10, 100, 1, 99, 0)
                .map(words::rank)
                .sorted()
                .map(words::bucket)
                .toArray();
        assertThat(inRankOrder).containsExactly(0, 1, 10, 100, 9, 99);
        assertThat(words.name(42)).isEqualTo("w42");
    }

    @Test
    void wordHashIsGuavaMurmur3OfTheUtf8Bytes() {
        // Every tail length (0-3 bytes after the 4-byte blocks), 1-, 2- and 3-byte UTF-8 chars, and a pair's space.
        List<String> words = List.of(
                "",
                "a",
                "ab",
                "abc",
                "abcd",
                "abcde",
                "0000",
                "000000",
                "virement",
                "ete",
                "été",
                "école",
                "çà",
                "ß",
                "ελλάδα",
                "москва",
                "日本語",
                "日本語の",
                "€uro",
                "x".repeat(30),
                "bonjour madame",
                "été 2024");
        WordHash hash = new WordHash(Features.VERSION);
        for (String word : words) {
            byte[] bytes = new byte[3 * word.length()];
            int size = 0;
            for (char c : word.toCharArray()) {
                size = WordHash.putUtf8(c, bytes, size);
            }
            assertThat(hash.hash(bytes, size))
                    .as(word)
                    .isEqualTo(Hashing.murmur3_32_fixed(Features.VERSION)
                            .hashString(word, StandardCharsets.UTF_8)
                            .asInt());
        }
    }

    /** The word features exactly as first written, kept here as the reference. */
    private static Map<String, Double> referenceWords(Harmonised message, int buckets) {
        String raw = message.fullText();
        for (String recipient : message.recipients()) {
            raw = raw.replace(recipient, " ");
        }
        if (raw.length() > 40_000) {
            raw = raw.substring(0, 40_000);
        }
        String text = NormalisedText.of(raw).text();
        Set<Integer> seen = new HashSet<>();
        String previous = null;
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            String token = referenceToken(text, start, i);
            if (token == null) {
                previous = null;
                continue;
            }
            seen.add(referenceBucket(token, buckets));
            if (previous != null) {
                seen.add(referenceBucket(previous + ' ' + token, buckets));
            }
            previous = token;
        }
        Map<String, Double> features = new TreeMap<>();
        double value = seen.isEmpty() ? 0 : 1 / Math.sqrt(seen.size());
        for (int bucket : seen) {
            features.put("w" + bucket, value);
        }
        return features;
    }

    private static String referenceToken(String text, int start, int end) {
        if (end - start > 30) {
            return null;
        }
        String word = text.substring(start, end);
        boolean digits = false;
        for (int k = 0; k < word.length() && !digits; k++) {
            digits = Character.isDigit(word.charAt(k));
        }
        if (!digits) {
            return word;
        }
        StringBuilder shape = new StringBuilder(word.length());
        for (int k = 0; k < word.length() && shape.length() < 6; k++) {
            char c = word.charAt(k);
            shape.append(Character.isDigit(c) ? '0' : c);
        }
        return shape.toString();
    }

    private static int referenceBucket(String token, int buckets) {
        return Math.floorMod(
                Hashing.murmur3_32_fixed(Features.VERSION)
                        .hashString(token, StandardCharsets.UTF_8)
                        .asInt(),
                buckets);
    }
}
