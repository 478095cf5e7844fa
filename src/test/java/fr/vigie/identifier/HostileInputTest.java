package fr.vigie.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Texts built to make scanners backtrack or rescan: each must finish well under a second. The timeouts are a
 * safety net against a quadratic path, not a benchmark: a quadratic scan of a megabyte takes many minutes, so a limit of
 * {@value #LIMIT_SECONDS} s catches it while a machine loaded twenty times over still passes.
 */
class HostileInputTest {
    static final int LIMIT_SECONDS = 30;
    private static final int ONE_MB = 1 << 20;
    private final Identifiers identifiers = new Identifiers();

    private static String repeat(String unit) {
        return unit.repeat(ONE_MB / unit.length());
    }

    @Test
    @Timeout(value = LIMIT_SECONDS, unit = TimeUnit.SECONDS)
    void megabyteOfDigitsIsNotAPhoneNumberAndFinishesQuickly() {
        assertThat(identifiers.extract(repeat("7"), "text").found()).isEmpty();
    }

    @Test
    @Timeout(value = LIMIT_SECONDS, unit = TimeUnit.SECONDS)
    void megabyteOfDotsFinishesQuickly() {
        assertThat(identifiers.extract(repeat("."), "text").found()).isEmpty();
    }

    @Test
    @Timeout(value = LIMIT_SECONDS, unit = TimeUnit.SECONDS)
    void megabyteOfAtSignsAndNearAddressesFinishesQuickly() {
        assertThat(identifiers.extract(repeat("@"), "text").found()).isEmpty();
        assertThat(identifiers.extract(repeat("a@"), "text").found()).isEmpty();
        assertThat(identifiers.extract(repeat("a.b@c"), "text").found()).isEmpty();
    }

    @Test
    @Timeout(value = LIMIT_SECONDS, unit = TimeUnit.SECONDS)
    void megabyteOfSeparatedDigitGroupsFinishesQuickly() {
        identifiers.extract(repeat("12 34 "), "text");
        identifiers.extract(repeat("1.2."), "text");
        identifiers.extract(repeat("a1:"), "text");
        identifiers.extract(repeat("[.]("), "text");
    }

    @Test
    @Timeout(value = LIMIT_SECONDS, unit = TimeUnit.SECONDS)
    void megabyteOfContextWordsAndCodesFinishesQuickly() {
        identifiers.extract(repeat("PCS 1234 ABCD "), "text");
        identifiers.extract(repeat("MTCN 123 456 "), "text");
        identifiers.extract(repeat("instagram @a "), "text");
        identifiers.extract(repeat("je suis le capitaine Martin "), "text");
    }

    @Test
    @Timeout(value = LIMIT_SECONDS, unit = TimeUnit.SECONDS)
    void megabyteOfUrlLikeTextFinishesQuickly() {
        identifiers.extract(repeat("http://"), "text");
        identifiers.extract(repeat("a.fr/"), "text");
        identifiers.extract("https://example.fr/" + repeat("a"), "text");
    }

    @Test
    @Timeout(value = LIMIT_SECONDS, unit = TimeUnit.SECONDS)
    void manyRealIdentifiersAreCappedAndFlagged() {
        String text = "appelez le 06 12 34 56 78 ".repeat(ExtractOptions.DEFAULT.maxIdentifiers() * 2);
        Extraction extraction = identifiers.extract(text, "text");
        assertThat(extraction.truncated()).isTrue();
        assertThat(extraction.found()).hasSize(ExtractOptions.DEFAULT.maxIdentifiers());
    }
}
