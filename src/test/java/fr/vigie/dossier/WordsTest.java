package fr.vigie.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.i18n.Lang;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void everyDossierWordIsWrittenInBothLanguages() {
        assertThat(Words.keys(Lang.FR)).containsExactlyInAnyOrderElementsOf(Words.keys(Lang.EN));
    }

    @Test
    void everyChannelPaymentMethodAndStatusHasAWord() {
        for (Lang lang : Lang.values()) {
            Words words = Words.of(lang);
            for (var channel : fr.vigie.report.Channel.values()) {
                assertThat(words.get("channel." + channel.id())).doesNotStartWith("channel.");
            }
            for (var method : fr.vigie.report.PaymentMethod.values()) {
                assertThat(words.get("method." + method.id())).doesNotStartWith("method.");
            }
            for (var status : fr.vigie.report.Status.values()) {
                assertThat(words.get("status." + status.id())).doesNotStartWith("status.");
            }
            for (var verdict : fr.vigie.detect.Verdict.values()) {
                assertThat(words.get("verdict.short." + verdict.id())).doesNotStartWith("verdict.");
            }
        }
    }
}
