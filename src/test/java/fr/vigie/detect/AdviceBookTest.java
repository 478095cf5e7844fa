package fr.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.InvalidDataFileException;
import fr.vigie.app.App;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdviceBookTest {
    private final AdviceBook book = App.adviceBook();

    @Test
    void everySchemeOfTheTaxonomyHasAdvice() {
        for (String scheme : AdviceBook.SCHEMES) {
            assertThat(book.adviceFor(Verdict.SCAM, List.of(scheme), false))
                    .as(scheme)
                    .hasSizeGreaterThan(
                            book.adviceFor(Verdict.SCAM, List.of(), false).size());
        }
    }

    @Test
    void universalStepsComeWithEveryScam() {
        assertThat(book.adviceFor(Verdict.SCAM, List.of("lottery"), false))
                .extracting(Advice::id)
                .contains("DO_NOT_PAY", "KEEP_EVIDENCE", "DO_NOT_DELETE", "BLOCK_SENDER", "TELL_SOMEONE");
    }

    @Test
    void nothingToDoWhenNothingWasFound() {
        assertThat(book.adviceFor(Verdict.NO_RED_FLAGS, List.of("phishing"), false))
                .isEmpty();
    }

    @Test
    void suspiciousMessageSaysToCheckIndependently() {
        assertThat(book.adviceFor(Verdict.SUSPICIOUS, List.of(), false).get(0).id())
                .isEqualTo("CHECK_INDEPENDENTLY");
    }

    @Test
    void adviceWithoutEnglishIsRefused() {
        String json = """
                {"version": 1, "source": "t", "checked": "2026-11-28",
                 "universal": [{"id": "DO_NOT_PAY", "fr": "Ne payez pas"}],
                 "minor": [], "suspicious": [], "schemes": {}}""";
        assertThatThrownBy(() -> AdviceBook.parse("advice.json", json))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageContaining("advice.json")
                .hasMessageContaining("'en' is required");
    }

    @Test
    void unknownSchemeIsRefused() {
        String json = """
                {"version": 1, "source": "t", "checked": "2026-11-28",
                 "universal": [{"id": "A", "fr": "a", "en": "a"}], "minor": [{"id": "B", "fr": "b", "en": "b"}],
                 "suspicious": [{"id": "C", "fr": "c", "en": "c"}], "schemes": {"pirates": [{"id": "D", "fr": "d", "en": "d"}]}}""";
        assertThatThrownBy(() -> AdviceBook.parse("advice.json", json)).hasMessageContaining("'pirates'");
    }
}
