package fr.vigie.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuesserTest {
    private final LanguageGuesser guesser = new LanguageGuesser();

    @Test
    void frenchSummonsIsFrench() {
        assertThat(guesser.guess("Vous êtes convoqué pour des faits graves. Nous vous demandons de répondre dans les"
                        + " 48 heures avec votre dossier, sans quoi une procédure sera engagée contre vous."))
                .isEqualTo("fr");
    }

    @Test
    void englishLetterIsEnglish() {
        assertThat(guesser.guess("I am writing to you because we have found the funds that you are entitled to, and"
                        + " this will be paid to your account if you can send us the fee."))
                .isEqualTo("en");
    }

    @Test
    void germanNoticeIsGerman() {
        assertThat(guesser.guess("Bitte bestätigen Sie Ihre Daten, sonst wird Ihr Konto gesperrt. Wir haben eine"
                        + " ungewöhnliche Aktivität festgestellt und sind für Sie da."))
                .isEqualTo("de");
    }

    @Test
    void fewWordsAreUndetermined() {
        assertThat(guesser.guess("OK 06 12 34 56 78")).isEqualTo("und");
    }

    @Test
    void languageOfALongTextIsDecidedWithoutReadingItAll() {
        String french = "Vous devez payer les frais de dossier pour que nous puissions traiter votre demande. ";
        assertThat(guesser.guess(french.repeat(2_000) + "the and of to is in that you your for it with"))
                .isEqualTo("fr");
    }
}
