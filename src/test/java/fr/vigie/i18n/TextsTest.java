package fr.vigie.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void everyFrenchTextHasAnEnglishOneAndBack() {
        assertThat(Texts.keys(Lang.FR)).containsExactlyInAnyOrderElementsOf(Texts.keys(Lang.EN));
    }

    @Test
    void apostrophesSurviveMessageFormat() {
        assertThat(Texts.of(Lang.FR).get("check.origin", "1.2.3.4")).isEqualTo("IP d'origine : 1.2.3.4");
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(Texts.of(Lang.EN).get("verdict.scam", 97)).startsWith("⚠ SCAM — score 97/100");
    }
}
