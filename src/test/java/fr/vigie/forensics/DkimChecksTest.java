package fr.vigie.forensics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.forensics.HeaderFindings.DkimSignature;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signs with jDKIM and a key made here, verifies through a retriever stub: no DNS anywhere. */
class DkimChecksTest {
    private static final String MESSAGE = "From: Banque Exemple <alertes@banque-exemple.fr>\r\n"
            + "To: client@example.org\r\n"
            + "Subject: Votre releve\r\n"
            + "Date: Fri, 1 Mar 2024 10:00:00 +0100\r\n"
            + "Message-ID: <20240301.1@banque-exemple.fr>\r\n"
            + "\r\n"
            + "Votre releve du mois est disponible.\r\n";
    private static KeyPair keys;
    private static String signedMessage;

    @BeforeAll
    static void sign() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        DKIMSigner signer = new DKIMSigner(
                "v=1; a=rsa-sha256; c=relaxed/relaxed; d=banque-exemple.fr; s=mars2024;"
                        + " h=from:to:subject:date:message-id; bh=; b=;",
                keys.getPrivate());
        String signature = signer.sign(new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.US_ASCII)));
        signedMessage = signature + "\r\n" + MESSAGE;
    }

    private static PublicKeyRecordRetriever publishedKey() {
        String record = "v=DKIM1; k=rsa; p="
                + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        return (method, selector, domain) ->
                selector.toString().equals("mars2024") && domain.toString().equals("banque-exemple.fr")
                        ? List.of(record)
                        : List.of();
    }

    private static DkimSignature examine(String message, Optional<PublicKeyRecordRetriever> retriever) {
        HeaderFindings findings = new HeaderForensics(HeaderForensicsTest.LISTS, retriever)
                .examine(HeaderBlocks.parse(message), message.getBytes(StandardCharsets.US_ASCII));
        assertThat(findings.dkimSignatures()).hasSize(1);
        return findings.dkimSignatures().get(0);
    }

    @Test
    void withoutAKeySourceSignaturesAreOnlyRead() {
        DkimSignature signature = examine(signedMessage, Optional.empty());

        assertThat(signature.result()).isEqualTo("not_checked");
        assertThat(signature.domain()).contains("banque-exemple.fr");
        assertThat(signature.selector()).contains("mars2024");
        assertThat(signature.algorithm()).contains("rsa-sha256");
        assertThat(signature.signedHeaders()).containsExactly("from", "to", "subject", "date", "message-id");
    }

    @Test
    void validSignaturePasses() {
        DkimSignature signature = examine(signedMessage, Optional.of(publishedKey()));

        assertThat(signature.result()).isEqualTo("pass");
        assertThat(signature.domain()).contains("banque-exemple.fr");
    }

    @Test
    void changedBodyFails() {
        String altered = signedMessage.replace("est disponible", "est bloque, payez ici");

        DkimSignature signature = examine(altered, Optional.of(publishedKey()));

        assertThat(signature.result()).isEqualTo("fail");
        assertThat(signature.detail())
                .hasValueSatisfying(detail -> assertThat(detail).containsIgnoringCase("body"));
    }

    @Test
    void changedSignedHeaderFails() {
        String altered = signedMessage.replace("Subject: Votre releve", "Subject: Urgent");

        assertThat(examine(altered, Optional.of(publishedKey())).result()).isEqualTo("fail");
    }

    @Test
    void keyLookupThatCannotAnswerIsATemporaryError() {
        PublicKeyRecordRetriever unreachable = (method, selector, domain) -> {
            throw new TempFailException("resolver timed out");
        };

        assertThat(examine(signedMessage, Optional.of(unreachable)).result()).isEqualTo("temperror");
    }
}
