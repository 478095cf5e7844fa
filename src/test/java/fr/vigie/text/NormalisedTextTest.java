package fr.vigie.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalisedTextTest {

    @Test
    void cyrillicLookAlikesReadAsLatin() {
        assertThat(NormalisedText.of("Раураl").text()).isEqualTo("paypal"); // Р, а, у are Cyrillic
    }

    @Test
    void accentsAndCaseAreFolded() {
        assertThat(NormalisedText.of("Gendarmerie NATIONALE, Pédopornographie").text())
                .isEqualTo("gendarmerie nationale, pedopornographie");
    }

    @Test
    void zeroWidthCharactersDisappear() {
        assertThat(NormalisedText.of("bit\u200Bco\u200Din").text()).isEqualTo("bitcoin");
    }

    @Test
    void whitespaceRunsBecomeOneSpace() {
        assertThat(NormalisedText.of("vous\u00a0 \n\t avez").text()).isEqualTo("vous avez");
    }

    @Test
    void asciiDigitsStayDigits() {
        assertThat(NormalisedText.of("Payez 450 € avant le 10/03/2024").text())
                .isEqualTo("payez 450 € avant le 10/03/2024");
    }

    @Test
    void fullwidthLettersReadAsAscii() {
        assertThat(NormalisedText.of("ＩＮＴＥＲＰＯＬ").text()).isEqualTo("interpol");
    }

    @Test
    void rangesMapBackToTheOriginal() {
        String original = "Le  Cοmmissaire\u200B Martin"; // Greek omicron, a zero-width space, a double space
        NormalisedText n = NormalisedText.of(original);
        int at = n.text().indexOf("commissaire martin");
        int end = at + "commissaire martin".length();
        assertThat(original.substring(n.originalStart(at), n.originalEnd(end))).isEqualTo("Cοmmissaire\u200B Martin");
    }

    @Test
    void supplementaryCharactersMapBackWhole() {
        String original = "a 😀 b";
        NormalisedText n = NormalisedText.of(original);
        int at = n.text().indexOf('b');
        assertThat(original.substring(n.originalStart(at), n.originalEnd(at + 1)))
                .isEqualTo("b");
        assertThat(n.originalEnd(n.text().length())).isEqualTo(original.length());
    }

    @Test
    void textAloneIsTheTextOfTheMappedForm() {
        String long50k = "Ｖｏｔｒｅ  Сompte\u200B bloqué\t\n".repeat(2_000) + "fin";
        for (String original : new String[] {"", "   ", "Раураl", "a\u00a0\u00a0b", long50k, "\uD83D\uDE00 ok"}) {
            NormalisedText mapped = NormalisedText.of(original);
            assertThat(NormalisedText.textOf(original)).isEqualTo(mapped.text());
            assertThat(mapped.originalEnd(mapped.text().length())).isLessThanOrEqualTo(original.length());
        }
    }
}
