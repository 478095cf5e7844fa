package fr.vigie.harmonise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.BadInputException;
import fr.vigie.message.Header;
import fr.vigie.message.TextPart;
import fr.vigie.message.Warning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimeReaderTest {
    private final List<Warning> warnings = new ArrayList<>();

    private MimeReader.Content read(String fixture) {
        return MimeReader.read(Fixtures.bytes(fixture), Limits.DEFAULT, warnings::add);
    }

    @Test
    void quotedPrintableUtf8BodyIsDecoded() {
        MimeReader.Content content = read("messages/fake-interpol.eml");
        assertThat(content.parts().get(0).text()).contains("Vous êtes convoqué(e) pour des faits de pédopornographie.");
    }

    @Test
    void softLineBreakInQuotedPrintableJoinsThePhoneNumber() {
        MimeReader.Content content = read("messages/fake-interpol.eml");
        assertThat(content.parts().get(0).text()).contains("06 12 34 56 78");
    }

    @Test
    void encodedWordsInHeadersAreDecoded() {
        MimeReader.Content content = read("messages/fake-interpol.eml");
        assertThat(header(content, "Subject").value()).isEqualTo("CONVOCATION JUDICIAIRE N° 2024-118");
    }

    @Test
    void foldedHeaderIsUnfoldedButRawIsKept() {
        MimeReader.Content content = read("messages/fake-interpol.eml");
        Header received = header(content, "Received");
        assertThat(received.value()).doesNotContain("\n").contains("by mail.orange.fr (Postfix)");
        assertThat(received.raw()).contains("\n\tby mail.orange.fr");
    }

    @Test
    void headersKeepTheirOrderFromTheTop() {
        MimeReader.Content content = read("messages/fake-interpol.eml");
        assertThat(content.headers().get(0).name()).isEqualTo("Return-Path");
        assertThat(content.headers()).extracting(Header::index).isSorted();
    }

    @Test
    void htmlPartKeepsTheRealTargetBehindTheVisibleText() {
        TextPart html = read("messages/fake-interpol.eml").parts().get(1);
        assertThat(html.fromHtml()).isTrue();
        assertThat(html.links()).singleElement().satisfies(link -> {
            assertThat(link.href()).isEqualTo("http://interpol-justice.example-bulk.com/dossier?id=118");
            assertThat(html.text().substring(link.start(), link.end())).isEqualTo("www.interpol.int");
        });
    }

    @Test
    void base64Latin1BodyAndEncodedFromAreDecoded() {
        MimeReader.Content content = read("messages/encoded-latin1.eml");
        assertThat(header(content, "From").value()).isEqualTo("Hélène Dupré <helene@example.com>");
        assertThat(content.parts().get(0).text()).contains("la réunion est déplacée à jeudi");
    }

    @Test
    void invalidUtf8IsReadWithAWarningNotAnError() {
        MimeReader.Content content = read("hostile/invalid-utf8.eml");
        assertThat(content.parts().get(0).text()).contains("café").contains("invalide");
        assertThat(warnings).extracting(Warning::code).contains("invalid_utf8");
    }

    @Test
    void tenThousandNestedMultipartsStopAtTheDepthLimit() {
        assertThatThrownBy(() -> read("hostile/nested-10000-multiparts.eml.gz"))
                .isInstanceOfSatisfying(
                        BadInputException.class, e -> assertThat(e.code()).isEqualTo("limit.maxDepth"))
                .hasMessageContaining("maxDepth");
    }

    @Test
    void base64BombStopsAtTheDecodedTextLimit() {
        assertThatThrownBy(() -> read("hostile/base64-bomb.eml.gz"))
                .isInstanceOfSatisfying(
                        BadInputException.class, e -> assertThat(e.code()).isEqualTo("limit.maxTextBytes"));
    }

    @Test
    void fiveThousandPartsStopAtThePartLimit() {
        assertThatThrownBy(() -> read("hostile/many-parts.eml.gz"))
                .isInstanceOfSatisfying(
                        BadInputException.class, e -> assertThat(e.code()).isEqualTo("limit.maxParts"));
    }

    @Test
    void twoMegabyteHeaderLineStopsAtALimit() {
        assertThatThrownBy(() -> read("hostile/long-line.eml.gz"))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.code()).isIn("limit.maxLineLength", "limit.maxHeaderBytes"));
    }

    @Test
    void strictLimitsAreTighterThanDefault() {
        byte[] bytes = Fixtures.bytes("hostile/many-parts.eml.gz");
        assertThatThrownBy(() -> MimeReader.read(bytes, Limits.STRICT, w -> {}))
                .hasMessageContaining(String.valueOf(Limits.STRICT.maxParts()));
    }

    @Test
    void attachmentIsHashedAndNamedNotReadAsText() {
        MimeReader.Content content = read("messages/with-attachment.eml");
        assertThat(content.parts()).hasSize(1);
        assertThat(content.attachments()).hasSize(2);
        assertThat(content.attachments().get(0).filename()).isEqualTo("facture n°12.pdf");
        assertThat(content.attachments().get(0).sha256())
                .isEqualTo(fr.vigie.message.Evidence.sha256(
                        "%PDF-1.4 fake".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void textPartWithAFileNameIsAnAttachment() {
        assertThat(read("messages/with-attachment.eml").attachments().get(1).filename())
                .isEqualTo("notes.txt");
    }

    private static Header header(MimeReader.Content content, String name) {
        return content.headers().stream().filter(h -> h.is(name)).findFirst().orElseThrow();
    }
}
