package fr.vigie.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashIsAnArgon2idPhcStringWithItsParametersAndMatchesOnlyItsPassword() {
        String hash = hasher.hash("correct horse battery staple".toCharArray());

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.matches("correct horse battery staple".toCharArray(), hash))
                .isTrue();
        assertThat(hasher.matches("correct horse battery stapler".toCharArray(), hash))
                .isFalse();
        assertThat(hasher.matches("".toCharArray(), hash)).isFalse();
    }

    @Test
    void theSamePasswordTwiceGetsTwoSaltsAndTwoHashes() {
        String first = hasher.hash("le même mot de passe".toCharArray());
        String second = hasher.hash("le même mot de passe".toCharArray());

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("le même mot de passe".toCharArray(), second)).isTrue();
    }

    @Test
    void aHashMadeWithOtherParametersStillVerifies() {
        // a hash written with a lower cost (an older setting): the parameters travel with the hash
        String cheaper = cheaper("parameters travel");

        assertThat(hasher.matches("parameters travel".toCharArray(), cheaper)).isTrue();
        assertThat(hasher.matches("parameters travelled".toCharArray(), cheaper))
                .isFalse();
    }

    @Test
    void aMalformedHashNeverMatches() {
        for (String bad : new String[] {
            null,
            "",
            "plain",
            "$argon2i$v=19$m=19456,t=2,p=1$AAAA$AAAA",
            "$argon2id$v=19$m=x,t=2,p=1$AAAA$AAAA",
            "$argon2id$v=19$m=99999999,t=2,p=1$AAAA$AAAA",
            "$argon2id$v=19$m=19456,t=2,p=1$***$***"
        }) {
            assertThat(hasher.matches("anything".toCharArray(), bad))
                    .as(String.valueOf(bad))
                    .isFalse();
        }
    }

    /** A hash of the same form made with 1 pass and 1 MiB, as Bouncy Castle computes it directly. */
    private static String cheaper(String password) {
        byte[] salt = new byte[16];
        var parameters = new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                        org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(1024)
                .withIterations(1)
                .withParallelism(1)
                .withSalt(salt)
                .build();
        var generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), out);
        var b64 = java.util.Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=1024,t=1,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
    }
}
