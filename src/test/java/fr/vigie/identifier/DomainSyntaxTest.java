package fr.vigie.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InternetDomainName;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The syntax pre-check of {@link Domain} refuses exactly what Guava's {@link InternetDomainName} refuses. */
class DomainSyntaxTest {

    @Test
    void preCheckRefusesWhatGuavaRefusesAndKeepsWhatItAccepts() {
        List<String> accepted = List.of(
                "example.com",
                "mail_relay.example.com",
                "example.com1",
                "a".repeat(63) + ".com",
                "a.".repeat(125) + "com",
                "é.example.com",
                "example.com.");
        List<String> refused = List.of(
                "a..b.com",
                ".example.com",
                "-bad.com",
                "bad-.com",
                "x_.example.com",
                "_dmarc.example.com",
                "example.123",
                "example.1com",
                "[192.0.2.1]",
                "host:8080.example.com",
                "a b.example.com",
                "a".repeat(64) + ".com",
                "a.".repeat(127) + "com",
                "ab.".repeat(84) + "com");
        for (String name : accepted) {
            assertThat(guavaAccepts(name)).as(name).isTrue();
            assertThat(Domain.mayBeDomainName(name)).as(name).isTrue();
        }
        for (String name : refused) {
            assertThat(guavaAccepts(name)).as(name).isFalse();
            assertThat(Domain.mayBeDomainName(name)).as(name).isFalse();
        }
    }

    @Test
    void preCheckNeverRefusesWhatGuavaAccepts() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "ab9-_..[]:é";
        int refusedByBoth = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder name = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = name.toString();
            boolean guava = guavaAccepts(text);
            if (guava) {
                assertThat(Domain.mayBeDomainName(text)).as(text).isTrue();
            } else if (!Domain.mayBeDomainName(text)) {
                refusedByBoth++;
            }
        }
        assertThat(refusedByBoth).as("the pre-check spares Guava most refusals").isPositive();
    }

    private static boolean guavaAccepts(String name) {
        try {
            InternetDomainName.from(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
