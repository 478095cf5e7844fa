package fr.vigie.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelFilesTest {
    private static Reader fixture(String name) {
        return new InputStreamReader(
                LabelFilesTest.class.getResourceAsStream("/model/" + name), StandardCharsets.UTF_8);
    }

    @Test
    void labelsCsvKeepsQuotedCommasQuotesAndLineBreaks() {
        List<LabelRow> rows = LabelFiles.read("labels/x.csv", "", fixture("labels.csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1))
                .isEqualTo(new LabelRow(
                        "phishing-pot/sample, with comma.eml", "lottery", "spam", "fr", "a \"quoted\" source"));
        assertThat(rows.get(2).source()).isEqualTo("CLAIR\nmulti-line");
        assertThat(rows.get(2).corpus()).isEqualTo("clair-419");
        assertThat(rows.get(0).isSmsRow()).isFalse();
    }

    @Test
    void manifestHamBecomesLegitimateAndFilesAreMadeRelativeToTheDataFolder() {
        List<LabelRow> rows = LabelFiles.read(
                "spamassassin-testdata/manifest.csv", "spamassassin-testdata/", fixture("manifest.csv"));
        assertThat(rows)
                .extracting(LabelRow::file, LabelRow::primary)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("spamassassin-testdata/easy_ham/00001.abc", "legitimate"),
                        org.assertj.core.groups.Tuple.tuple("spamassassin-testdata/spam/00002.def", "spam"));
    }

    @Test
    void smsCollectionRowsAreNamedByTheirOneBasedLine() {
        List<LabelRow> rows = LabelFiles.read("sms/SMSSpamCollection", "", fixture("SMSSpamCollection"));
        assertThat(rows)
                .extracting(LabelRow::file)
                .containsExactly("sms/SMSSpamCollection:1", "sms/SMSSpamCollection:2", "sms/SMSSpamCollection:3");
        assertThat(rows.get(1).primary()).isEqualTo("spam");
        assertThat(rows.get(1).isSmsRow()).isTrue();
        assertThat(rows.get(1).smsLine()).isEqualTo(2);
        assertThat(rows.get(1).smsFile()).isEqualTo("sms/SMSSpamCollection");
    }

    @Test
    void smsTextsComeFromTheTsvOrTheCsvTextColumnWithMultiLineFields() {
        assertThat(LabelFiles.smsTexts("SMSSpamCollection", fixture("SMSSpamCollection"))
                        .get(0))
                .isEqualTo("Ok lar... Joking wif u oni...");
        List<String> partA = LabelFiles.smsTexts("smishing.csv", fixture("smishing.csv"));
        assertThat(partA)
                .containsExactly("Debit\nINR 197.44\nA/c no. XX7391", "Your parcel is held, pay \"1.99\" here");
    }
}
