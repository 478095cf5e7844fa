package fr.vigie.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Keccak256Test {
    static Stream<Arguments> vectors() {
        return Vectors.read("keccak256-vectors.txt").stream()
                .map(row -> Arguments.of(row[0].equals("<empty>") ? "" : row[0], row[1]));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("vectors")
    void keccakDigestMatchesKnownVector(String input, String digest) {
        assertThat(Vectors.hex(Keccak256.digest(input.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(digest);
    }

    @Test
    void keccakIsNotTheJdkSha3() throws Exception {
        byte[] sha3 = MessageDigest.getInstance("SHA3-256").digest(new byte[0]);
        assertThat(Keccak256.digest(new byte[0])).isNotEqualTo(sha3);
    }

    /** Same permutation, FIPS padding: must equal the JDK's SHA3-256 at every length, across block boundaries. */
    @Test
    void permutationMatchesJdkSha3WithFipsPaddingAtEveryLength() throws Exception {
        for (int length = 0; length <= 300; length++) {
            byte[] input = new byte[length];
            for (int i = 0; i < length; i++) {
                input[i] = (byte) (i * 31 + 7);
            }
            byte[] expected = MessageDigest.getInstance("SHA3-256").digest(input);
            assertThat(Keccak256.sponge(input, (byte) 0x06))
                    .as("length %d", length)
                    .isEqualTo(expected);
        }
    }
}
