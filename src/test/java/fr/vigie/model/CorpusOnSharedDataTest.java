package fr.vigie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads a few messages of the shared corpora (skipped with a message when the folder is absent). */
class CorpusOnSharedDataTest {
    private static final Path DATA = Path.of("/work/shared/data");
    private Corpus corpus;

    @BeforeEach
    void needsTheSharedData() {
        assumeTrue(Files.isDirectory(DATA.resolve("labels")), "no shared data at " + DATA + ": skipped");
        corpus = new Corpus(TinyCorpus.HARMONISER, relative -> Files.newInputStream(DATA.resolve(relative)));
    }

    @Test
    void clairLettersAreKeyedByTheirLowerCasedSender() throws IOException {
        Corpus.Sample sample = corpus.sample(new LabelRow("clair-419/clair-00001.eml", "advance_fee", "", "en", ""))
                .orElseThrow();
        assertThat(sample.key()).contains("@").isLowerCase().isNotEqualTo("clair-419/clair-00001.eml");
    }

    @Test
    void smsRowsResolveToTheirLineAndAreKeyedByNormalisedText() {
        Corpus.Sample sample = corpus.sample(new LabelRow("sms/SMSSpamCollection:2", "legitimate", "", "en", ""))
                .orElseThrow();
        assertThat(sample.key()).isEqualTo("ok lar joking wif u oni");
        assertThat(sample.message().kind()).isEqualTo(fr.vigie.message.MessageKind.TEXT);
    }

    @Test
    void phishingPotFilesAreKeyedByTheirFileColumn() {
        Corpus.Sample sample = corpus.sample(new LabelRow("phishing-pot/sample-15.eml", "phishing", "", "en", ""))
                .orElseThrow();
        assertThat(sample.side()).isEqualTo(KeyedSplit.Side.TEST);
    }
}
