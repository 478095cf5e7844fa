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
            assertThat(book.adviceFor(Verdict.SCAM, List.of(scheme), false, "FR"))
                    .as(scheme)
                    .hasSizeGreaterThan(
                            book.adviceFor(Verdict.SCAM, List.of(), false, "FR").size());
        }
    }

    @Test
    void universalStepsComeWithEveryScam() {
        assertThat(book.adviceFor(Verdict.SCAM, List.of("lottery"), false, "FR"))
                .extracting(Advice::id)
                .contains("DO_NOT_PAY", "KEEP_EVIDENCE", "DO_NOT_DELETE", "BLOCK_SENDER", "TELL_SOMEONE");
    }

    @Test
    void nothingToDoWhenNothingWasFound() {
        assertThat(book.adviceFor(Verdict.NO_RED_FLAGS, List.of("phishing"), false, "FR"))
                .isEmpty();
    }

    @Test
    void suspiciousMessageSaysToCheckIndependently() {
        assertThat(book.adviceFor(Verdict.SUSPICIOUS, List.of(), false, "FR")
                        .get(0)
                        .id())
                .isEqualTo("CHECK_INDEPENDENTLY");
    }

    @Test
    void frenchServicesAreGivenOnlyToPeopleInFrance() {
        List<String> inFrance = ids(book.adviceFor(Verdict.SCAM, List.of("phishing", "sextortion"), true, "FR"));
        List<String> inSenegal = ids(book.adviceFor(Verdict.SCAM, List.of("phishing", "sextortion"), true, "SN"));
        List<String> unknown = ids(book.adviceFor(Verdict.SCAM, List.of("phishing", "sextortion"), true, null));
        assertThat(inFrance).contains("MINOR_CALL_3018", "REPORT_PHAROS", "CARD_BLOCK_LINE", "FORWARD_SPAM");
        for (List<String> elsewhere : List.of(inSenegal, unknown)) {
            assertThat(elsewhere)
                    .contains("MINOR_TELL_ADULT", "PHISHING_IF_ENTERED", "SEXTORTION_BLUFF", "DO_NOT_PAY")
                    .doesNotContain("MINOR_CALL_3018", "REPORT_PHAROS", "CARD_BLOCK_LINE", "FORWARD_SPAM");
        }
    }

    @Test
    void everyStepThatNamesAFrenchServiceIsLimitedToFrance() {
        // A service, number or site of one country must not be given to the people of another.
        List<Advice> everywhere = book.adviceFor(Verdict.SCAM, List.copyOf(AdviceBook.SCHEMES), true, null);
        assertThat(everywhere)
                .allSatisfy(a -> assertThat(a.fr() + " " + a.en())
                        .as(a.id())
                        .doesNotContainPattern(
                                "(?i)\\.gouv\\.fr|signal-spam|PHAROS|\\b3018\\b|\\b33700\\b|\\d \\d{3} \\d{3} \\d{3}"));
    }

    @Test
    void aCountryThatIsNotACodeIsRefused() {
        String json = """
                {"version": 1, "source": "t", "checked": "2026-11-28",
                 "universal": [{"id": "A", "fr": "a", "en": "a", "countries": ["France"]}],
                 "minor": [{"id": "B", "fr": "b", "en": "b"}], "suspicious": [{"id": "C", "fr": "c", "en": "c"}],
                 "schemes": {}}""";
        assertThatThrownBy(() -> AdviceBook.parse("advice.json", json))
                .hasMessageContaining("universal[0] A")
                .hasMessageContaining("'France'");
    }

    private static List<String> ids(List<Advice> advice) {
        return advice.stream().map(Advice::id).toList();
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
