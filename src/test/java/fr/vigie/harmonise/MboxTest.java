package fr.vigie.harmonise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MboxTest {

    private static List<Mbox.Entry> entries(byte[] bytes, Limits limits) {
        List<Mbox.Entry> all = new ArrayList<>();
        new Mbox(new ByteArrayInputStream(bytes), limits).forEachRemaining(all::add);
        return all;
    }

    @Test
    void eachMessageComesOutInTurnWithoutItsSeparator() {
        List<Mbox.Entry> all = entries(Fixtures.bytes("messages/three.mbox"), Limits.DEFAULT);
        assertThat(all).hasSize(3);
        assertThat(text(all.get(1))).startsWith("From: two@example.org").doesNotContain("From sender@");
    }

    @Test
    void quotedFromLineIsUnquoted() {
        String first = text(
                entries(Fixtures.bytes("messages/three.mbox"), Limits.DEFAULT).get(0));
        assertThat(first).contains("\nFrom the quoted line.");
    }

    @Test
    void oversizedMessageIsAnErrorAndTheNextIsStillRead() {
        String mbox = "From a\nSubject: big\n\n" + "x".repeat(5000) + "\n\nFrom b\nSubject: small\n\nok\n";
        Limits small = new Limits(1000, 500, 10, 1000, 5, 5, 1000, 10);
        List<Mbox.Entry> all = entries(mbox.getBytes(StandardCharsets.US_ASCII), small);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).error()).hasMessageContaining("maxMessageBytes");
        assertThat(text(all.get(1))).contains("Subject: small");
    }

    private static String text(Mbox.Entry entry) {
        return new String(entry.bytes(), StandardCharsets.UTF_8);
    }
}
