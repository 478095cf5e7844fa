package fr.vigie.harmonise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The direct decoder must give exactly what mime4j gives, on tricky values and on many random ones. */
class EncodedWordsTest {
    private static String mime4j(String value) {
        return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=?utf-8?B?R2VuZGFybWVyaWUgbmF0aW9uYWxl?= <x@gmail.com>",
                "=?UTF-8?Q?R=C3=A9union_urgente?=",
                "=?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?=", // one character split over two words
                "=?utf-8?B?w6k=?=\t =?iso-8859-1?Q?=E9t=E9?= fin",
                "  =?utf-8?B?w6k=?=  suite",
                "=?utf-8?q?lower=c3=a9?=", // lower-case escape: mime4j's repair
                "=?utf-8?Q?a b?=", // a space inside a word
                "=?utf-8?B?w6k?=", // missing padding
                "=?utf-8?B?QR==?=", // non-zero trailing bits
                "=?x-martian?B?w6k=?= and =?utf-8?B?w6k=?=",
                "=?utf-8?X?abc?=",
                "=?utf-8?B??= empty word",
                "=??B?w6k=?=",
                "no word here =? nor ?= there",
                "=?utf-8?B?w6k=",
                "a=?b",
                "=?utf-8*fr?Q?caf=C3=A9?=",
                "=?utf-8?Q?=?= =?utf-8?Q?=3?=",
                "=?UTF-8?Q?a?= =?utf-8?Q?b?= =?UTF-8?q?c?=",
                ""
            })
    void decodesLikeMime4j(String value) {
        assertThat(EncodedWords.decode(value)).isEqualTo(mime4j(value));
    }

    @Test
    void randomValuesDecodeLikeMime4j() {
        List<String> pieces = List.of(
                "=?",
                "?=",
                "?",
                "utf-8",
                "UTF-8",
                "iso-8859-1",
                "x-none",
                "B",
                "Q",
                "q",
                "b",
                "w6k=",
                "QQ==",
                "R2Vu",
                "=C3",
                "=A9",
                "=c3",
                "=3",
                "_",
                " ",
                "\t",
                "a",
                "é",
                "=",
                "+/",
                "==",
                "caf");
        Random random = new Random(20261129L);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(14);
            for (int i = 0; i < length; i++) {
                value.append(pieces.get(random.nextInt(pieces.size())));
            }
            String v = value.toString();
            assertThat(EncodedWords.decode(v)).as(v).isEqualTo(mime4j(v));
        }
    }

    @Test
    void wellFormedWordsInSequenceDecodeLikeMime4j() {
        Random random = new Random(7L);
        List<String> charsets = List.of("utf-8", "UTF-8", "iso-8859-1", "windows-1252");
        for (int n = 0; n < 20_000; n++) {
            StringBuilder value = new StringBuilder();
            int words = 1 + random.nextInt(6);
            for (int w = 0; w < words; w++) {
                byte[] bytes = new byte[random.nextInt(12)];
                random.nextBytes(bytes);
                String charset = charsets.get(random.nextInt(charsets.size()));
                if (random.nextBoolean()) {
                    value.append("=?").append(charset).append("?B?");
                    value.append(java.util.Base64.getEncoder().encodeToString(bytes));
                } else {
                    value.append("=?").append(charset).append("?Q?");
                    for (byte b : bytes) {
                        int c = b & 0xff;
                        value.append(
                                c > ' ' && c < 127 && c != '=' && c != '?' && c != '_'
                                        ? String.valueOf((char) c)
                                        : String.format("=%02X", c));
                    }
                }
                value.append("?=").append(random.nextBoolean() ? " " : random.nextBoolean() ? "\t" : " x ");
            }
            String v = value.toString();
            assertThat(EncodedWords.decode(v)).as(v).isEqualTo(mime4j(v));
        }
    }
}
