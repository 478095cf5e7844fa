package fr.vigie.harmonise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.BadInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InputGateTest {

    @Test
    void fiftyMegabyteHeaderIsRefusedWithoutReadingItWhole() throws IOException {
        try (CountingStream in = new CountingStream(Fixtures.stream("hostile/header-50mb.eml.gz"))) {
            assertThatThrownBy(() -> InputGate.readBounded(in, Limits.DEFAULT))
                    .isInstanceOfSatisfying(
                            BadInputException.class, e -> assertThat(e.code()).isEqualTo("limit.maxHeaderBytes"))
                    .hasMessageContaining("maxHeaderBytes");
            assertThat(in.count).isLessThan(2L * Limits.DEFAULT.maxHeaderBytes());
        }
    }

    @Test
    void longPastedTextWithoutBlankLineIsNotMistakenForAHeader() {
        byte[] text = ("Bonjour " + "a".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        assertThat(InputGate.readBounded(new java.io.ByteArrayInputStream(text), Limits.DEFAULT))
                .hasSize(text.length);
    }

    @Test
    void messageOverTheSizeLimitIsRefused() {
        Limits small = new Limits(1000, 500, 10, 1000, 5, 5, 1000, 10);
        byte[] text = "z".repeat(1001).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> InputGate.readBounded(new java.io.ByteArrayInputStream(text), small))
                .hasMessageContaining("maxMessageBytes");
    }

    @Test
    void nulFilledFileIsBinaryNotAMessage() {
        assertThatThrownBy(() -> InputGate.refuseBinary(Fixtures.bytes("hostile/nul-filled.bin.gz")))
                .isInstanceOfSatisfying(
                        BadInputException.class, e -> assertThat(e.code()).isEqualTo("binary"));
    }

    @Test
    void emptyInputIsRefused() {
        assertThatThrownBy(() -> InputGate.refuseBinary(new byte[0]))
                .isInstanceOfSatisfying(
                        BadInputException.class, e -> assertThat(e.code()).isEqualTo("empty"));
    }

    @Test
    void headerBlockLooksLikeMailButAnSmsDoesNot() {
        assertThat(InputGate.looksLikeMail("Received: from x\nSubject: hi\n\nbody".getBytes(StandardCharsets.US_ASCII)))
                .isTrue();
        assertThat(InputGate.looksLikeMail("URGENT: votre colis est bloqué".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    /** Counts the bytes actually pulled from the underlying stream. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
