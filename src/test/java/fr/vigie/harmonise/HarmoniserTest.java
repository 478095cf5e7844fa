package fr.vigie.harmonise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.BadInputException;
import fr.vigie.identifier.Found;
import fr.vigie.identifier.Kind;
import fr.vigie.message.MessageKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HarmoniserTest {
    private final Harmoniser harmoniser = TestHarmoniser.create();
    private final Harmonised interpol = harmoniser.harmonise(Fixtures.bytes("messages/fake-interpol.eml"));

    @Test
    void emailWithHeadersIsReadAsEmail() {
        assertThat(interpol.kind()).isEqualTo(MessageKind.EMAIL);
        assertThat(interpol.subject()).isEqualTo("CONVOCATION JUDICIAIRE N° 2024-118");
    }

    @Test
    void frenchMessageIsFrench() {
        assertThat(interpol.language()).isEqualTo("fr");
    }

    @Test
    void evidenceIsTheSha256OfTheExactBytes() {
        byte[] bytes = Fixtures.bytes("messages/fake-interpol.eml");
        assertThat(interpol.evidence().size()).isEqualTo(bytes.length);
        assertThat(interpol.evidence().sha256())
                .isEqualTo(fr.vigie.message.Evidence.sha256(bytes))
                .hasSize(64);
    }

    @Test
    void interpolDisplayNameOnFreeMailIsFlaggedByTheHeaderForensics() {
        assertThat(interpol.headerFindings().hasMismatch("display_name_impersonates_authority"))
                .isTrue();
        assertThat(interpol.headerFindings().hasMismatch("reply_to_other_organisation"))
                .isTrue();
    }

    @Test
    void originatingIpIsTheFirstHopOutsideTheReceiver() {
        assertThat(interpol.headerFindings().origin())
                .hasValueSatisfying(o -> assertThat(o.ip()).isEqualTo("185.220.101.33"));
    }

    @Test
    void phoneSplitByASoftLineBreakIsFoundInE164() {
        assertThat(interpol.identifiers()).anySatisfy(f -> {
            assertThat(f.identifier().kind()).isEqualTo(Kind.PHONE);
            assertThat(f.identifier().normalized()).isEqualTo("+33612345678");
            assertThat(f.span().part()).isEqualTo("body:1");
        });
    }

    @Test
    void linkTargetHiddenBehindOfficialLookingTextIsAnIdentifierAtThatText() {
        Found hidden = interpol.identifiers().stream()
                .filter(f -> f.span().part().equals("body:2:href"))
                .findFirst()
                .orElseThrow();
        assertThat(hidden.identifier().normalized()).contains("interpol-justice.example-bulk.com");
        String visible = interpol.parts()
                .get(1)
                .text()
                .substring(hidden.span().start(), hidden.span().end());
        assertThat(visible).isEqualTo("www.interpol.int");
    }

    @Test
    void spansInBodyPartsPointAtWhatWasWritten() {
        for (Found f : interpol.identifiers()) {
            if (f.span().part().matches("body:\\d+")) {
                int index = Integer.parseInt(f.span().part().substring(5));
                String text = interpol.parts().get(index - 1).text();
                assertThat(text.substring(f.span().start(), f.span().end())).isEqualTo(f.written());
            }
        }
    }

    @Test
    void victimsOwnAddressIsARecipientNotEvidence() {
        assertThat(interpol.recipients()).contains("victime@orange.fr");
        assertThat(interpol.identifiers())
                .noneMatch(f -> f.identifier().normalized().equals("victime@orange.fr")
                        && f.span().part().equals("header:To"));
    }

    @Test
    void pastedSmsIsTextWithItsDefangedLink() {
        Harmonised sms = harmoniser.harmonise(Fixtures.bytes("messages/sms-delivery.txt"));
        assertThat(sms.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(sms.findings()).isEmpty();
        assertThat(sms.identifiers())
                .anySatisfy(f -> assertThat(f.identifier().kind()).isEqualTo(Kind.URL));
    }

    @Test
    void typedTextWithNulCharactersIsCleanedWithAWarning() {
        Harmonised h = harmoniser.harmoniseText("appelez le 06 12 34 56 78\0");
        assertThat(h.parts().get(0).text()).doesNotContain("\0");
        assertThat(h.warnings()).extracting(w -> w.code()).contains("nul_removed");
    }

    @Test
    void nulFilledFileIsRefusedClearly() {
        assertThatThrownBy(() -> harmoniser.harmonise(Fixtures.bytes("hostile/nul-filled.bin.gz")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void messageAfterAHostileOneIsStillAnalysed() {
        assertThatThrownBy(() -> harmoniser.harmonise(Fixtures.bytes("hostile/nested-10000-multiparts.eml.gz")))
                .isInstanceOf(BadInputException.class);
        Harmonised next =
                harmoniser.harmonise("Subject: hi\nFrom: a@example.org\n\nhello".getBytes(StandardCharsets.US_ASCII));
        assertThat(next.subject()).isEqualTo("hi");
    }
}
