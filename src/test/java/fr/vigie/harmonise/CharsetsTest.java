package fr.vigie.harmonise;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.message.Warning;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharsetsTest {
    private final List<Warning> warnings = new ArrayList<>();

    @Test
    void utf8BytesLabelledLatin1AreReadAsUtf8() {
        Charsets.Decoded d = Charsets.decode("réunion".getBytes(StandardCharsets.UTF_8), "iso-8859-1", warnings::add);
        assertThat(d.text()).isEqualTo("réunion");
        assertThat(warnings).extracting(Warning::code).containsExactly("charset_mislabelled");
    }

    @Test
    void undeclaredLatin1IsReadAsWindows1252() {
        Charsets.Decoded d = Charsets.decode("réunion 5 €".getBytes(Charsets.WINDOWS_1252), null, warnings::add);
        assertThat(d.text()).isEqualTo("réunion 5 €");
    }

    @Test
    void unknownCharsetLabelFallsBackWithAWarning() {
        Charsets.Decoded d = Charsets.decode(new byte[] {'h', (byte) 0xe9}, "x-martian", warnings::add);
        assertThat(d.text()).isEqualTo("hé");
        assertThat(warnings).extracting(Warning::code).containsExactly("charset_unknown");
    }

    @Test
    void nulCharactersAreRemovedWithAWarning() {
        Charsets.Decoded d = Charsets.decode("a\0b".getBytes(StandardCharsets.US_ASCII), null, warnings::add);
        assertThat(d.text()).isEqualTo("ab");
        assertThat(warnings).extracting(Warning::code).containsExactly("nul_removed");
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() {
        Charsets.Decoded d = Charsets.decode("salut".getBytes(StandardCharsets.UTF_16), null, warnings::add);
        assertThat(d.text()).isEqualTo("salut");
    }

    @Test
    void utf8HoldingAReplacementCharacterIsStillReadAsUtf8() {
        Charsets.Decoded d =
                Charsets.decode("prix \uFFFD réduit".getBytes(StandardCharsets.UTF_8), null, warnings::add);
        assertThat(d.text()).isEqualTo("prix \uFFFD réduit");
        assertThat(d.charset()).isEqualTo("utf-8");
    }

    @Test
    void aTruncatedUtf8SequenceIsNotUtf8() {
        byte[] bytes = {'c', 'a', 'f', (byte) 0xC3};
        Charsets.Decoded d = Charsets.decode(bytes, null, warnings::add);
        assertThat(d.charset()).isEqualTo("windows-1252");
        assertThat(d.text()).isEqualTo("caf\u00C3");
    }

    @Test
    void onlyTheGivenLengthOfABufferIsDecoded() {
        byte[] text = "réunion".getBytes(StandardCharsets.UTF_8);
        byte[] buffer = java.util.Arrays.copyOf(text, 64);
        java.util.Arrays.fill(buffer, text.length, buffer.length, (byte) 0xE9); // not UTF-8, and NUL-free
        Charsets.Decoded d = Charsets.decode(buffer, text.length, null, warnings::add);
        assertThat(d.text()).isEqualTo("réunion");
        assertThat(d.charset()).isEqualTo("utf-8");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aShortBufferPrefixKeepsItsOwnCharsetReading() {
        byte[] buffer = {'o', 'k', (byte) 0xE9, 'X', 'X'};
        assertThat(Charsets.decode(buffer, 2, null, warnings::add).text()).isEqualTo("ok");
        assertThat(Charsets.decode(buffer, 3, null, warnings::add).text()).isEqualTo("oké");
        assertThat(Charsets.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 'b'}, 4, null, warnings::add)
                        .text())
                .isEqualTo("a");
    }
}
