package fr.vigie.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Identifiers found in short realistic scam texts, with their spans checked against the text. */
class ExtractTest {
    private final Identifiers identifiers = new Identifiers(new ExtractOptions("FR", 100));

    private List<Found> found(String text) {
        List<Found> found = identifiers.extract(text, "text").found();
        for (Found f : found) {
            if (!(f.identifier() instanceof Card)) {
                assertThat(text.substring(f.span().start(), f.span().end()))
                        .as("span of %s", f.identifier())
                        .isEqualTo(f.written());
            }
            assertThat(f.span().part()).isEqualTo("text");
        }
        return found;
    }

    @Test
    void fakeInterpolSummonsYieldsPhoneEmailAndIban() {
        String text = """
                CONVOCATION - INTERPOL / Brigade de Protection des Mineurs
                Vous êtes convoqué(e) pour pédopornographie. Pour éviter les poursuites, contactez le
                Commissaire Divisionnaire au 06 12 34 56 78 ou par courriel : Brigade.Mineurs+fr@gmail.com
                Réglez l'amende de 4 500 € sur le compte IBAN FR76 3000 6000 0112 3456 7890 189 sous 72 heures.
                """;
        assertThat(found(text))
                .extracting(f -> f.identifier().kind(), f -> f.identifier().normalized())
                .containsExactly(
                        tuple(Kind.PHONE, "+33612345678"),
                        tuple(Kind.EMAIL, "brigademineurs@gmail.com"),
                        tuple(Kind.IBAN, "FR7630006000011234567890189"));
    }

    @Test
    void sextortionLetterYieldsBitcoinAddress() {
        String text = "I hacked your device and recorded you. Send $1300 in Bitcoin to my BTC address: "
                + "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4. You have 48 hours.";
        assertThat(found(text))
                .extracting(f -> f.identifier().kind(), Found::written)
                .containsExactly(tuple(Kind.BTC, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"));
    }

    @Test
    void couponScamYieldsCodesWithTheirBrand() {
        String text = "Pour débloquer le colis, envoyez les codes PCS : X7K3M9Q2H4 et 8HJ2-KL45-MN. Merci.";
        assertThat(found(text))
                .extracting(f -> f.identifier().normalized(), Found::written)
                .containsExactly(tuple("pcs:X7K3M9Q2H4", "X7K3M9Q2H4"), tuple("pcs:8HJ2KL45MN", "8HJ2-KL45-MN"));
    }

    @Test
    void phoneNumberNextToACouponBrandIsStillAPhone() {
        String text = "Appelez le 06 12 34 56 78 ou payez l'amende par coupons PCS.";
        assertThat(found(text))
                .extracting(f -> f.identifier().kind(), f -> f.identifier().normalized())
                .containsExactly(tuple(Kind.PHONE, "+33612345678"));
    }

    @Test
    void codeWithoutItsBrandNearbyIsNotACoupon() {
        assertThat(found("Votre référence : X7K3M9Q2H4.")).isEmpty();
    }

    @Test
    void parcelSmsWithDefangedUrlYieldsUrlOnly() {
        String text = "Colissimo: votre colis est en attente. Payez 1,99€ sur hxxps://colis-suivi[.]info/fr?id=88 svp";
        List<Found> found = found(text);
        assertThat(found).hasSize(1);
        Url url = (Url) found.get(0).identifier();
        assertThat(url.normalized()).isEqualTo("https://colis-suivi.info/fr?id=88");
        assertThat(found.get(0).written()).isEqualTo("hxxps://colis-suivi[.]info/fr?id=88");
        assertThat(url.domain().registrable()).isEqualTo("colis-suivi.info");
    }

    @Test
    void urlHostAndDigitsInsideUrlAreNotSeparateIdentifiers() {
        String text = "Cliquez https://www.secure-ameli.fr/remboursement?tel=0612345678&utm_source=sms.";
        assertThat(found(text))
                .extracting(f -> f.identifier().kind(), f -> f.identifier().normalized())
                .containsExactly(tuple(Kind.URL, "https://www.secure-ameli.fr/remboursement?tel=0612345678"));
    }

    @Test
    void emailDomainIsNotAlsoADomainHit() {
        assertThat(found("Écrivez à jean.martin@secure-ameli.fr ou visitez secure-ameli.fr"))
                .extracting(f -> f.identifier().kind(), f -> f.identifier().normalized())
                .containsExactly(
                        tuple(Kind.EMAIL, "jean.martin@secure-ameli.fr"), tuple(Kind.DOMAIN, "secure-ameli.fr"));
    }

    @Test
    void obfuscatedEmailsAreUnderstood() {
        String text = "Contact: jean[at]gmail[.]com or jean (at) gmail (dot) com.";
        assertThat(found(text))
                .extracting(f -> f.identifier().normalized(), Found::written)
                .containsExactly(
                        tuple("jean@gmail.com", "jean[at]gmail[.]com"),
                        tuple("jean@gmail.com", "jean (at) gmail (dot) com"));
    }

    @Test
    void whatsappLinkYieldsItsPhone() {
        String text = "Écris-moi sur wa.me/33612345678 ma chérie";
        assertThat(found(text))
                .extracting(f -> f.identifier().kind(), f -> f.identifier().normalized(), Found::written)
                .containsExactly(
                        tuple(Kind.URL, "http://wa.me/33612345678", "wa.me/33612345678"),
                        tuple(Kind.PHONE, "+33612345678", "wa.me/33612345678"));
    }

    @Test
    void profileLinkYieldsHandle() {
        assertThat(found("Follow me https://www.instagram.com/Lovely_Anna/ and t.me/anna_love22"))
                .extracting(f -> f.identifier().normalized())
                .containsExactly(
                        "https://www.instagram.com/Lovely_Anna/",
                        "instagram:lovely_anna",
                        "http://t.me/anna_love22",
                        "telegram:anna_love22");
    }

    @Test
    void atNameIsAHandleOnlyWithThePlatformNamedNearby() {
        assertThat(found("Ajoute-moi sur Snapchat : @lovely.anna95 bisous"))
                .extracting(f -> f.identifier().normalized(), Found::written)
                .containsExactly(tuple("snapchat:lovely.anna95", "@lovely.anna95"));
        assertThat(found("Merci @lovely.anna95 pour tout")).isEmpty();
    }

    @Test
    void mtcnNeedsWesternUnionContext() {
        assertThat(found("Envoyez par Western Union, MTCN : 123-456-7890, au nom de Paul."))
                .extracting(f -> f.identifier().kind(), Found::written)
                .containsExactly(tuple(Kind.MTCN, "123-456-7890"));
        assertThat(found("Référence 123-456-7890 du dossier.")).isEmpty();
    }

    @Test
    void cardNumberWrittenInTextIsMasked() {
        List<Found> found = found("Ma carte est 4111 1111 1111 1111, exp 12/27.");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.identifier().normalized()).isEqualTo("visa:411111******1111");
            assertThat(f.written()).isEqualTo("4111 11** **** 1111");
            assertThat(f.span()).isEqualTo(new fr.vigie.message.Span("text", 13, 32));
        });
    }

    @Test
    void selfIntroductionsYieldAliases() {
        assertThat(found("Hello, I am Captain John Smith of the US Army. Je suis le capitaine Hélène Martin."))
                .extracting(f -> f.identifier().normalized(), Found::written)
                .containsExactly(
                        tuple("captain john smith", "Captain John Smith"),
                        tuple("capitaine helene martin", "capitaine Hélène Martin"));
        assertThat(found("Je m'appelle Sophie et je suis Française."))
                .extracting(f -> f.identifier().normalized())
                .containsExactly("sophie");
    }

    @Test
    void cryptoAddressesOfEachChainAreFound() {
        String text =
                "USDT (TRC20): TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t, ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        assertThat(found(text))
                .extracting(f -> f.identifier().kind(), f -> f.identifier().display())
                .containsExactly(
                        tuple(Kind.TRX, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
                        tuple(Kind.ETH, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    }

    @Test
    void ipAddressInTextIsFoundButVersionNumberGluedToWordIsNot() {
        assertThat(found("Connexion depuis 203.0.113.7 (v1.2.3.4)"))
                .extracting(f -> f.identifier().normalized())
                .containsExactly("203.0.113.7");
    }

    @Test
    void sameIdentifierTwiceIsReportedAtEachPlace() {
        assertThat(found("Appelez le 0612345678 ou le 06 12 34 56 78"))
                .extracting(f -> f.span().start())
                .containsExactly(11, 28);
    }

    @Test
    void extractionStopsAtTheLimitAndSaysSo() {
        Identifiers small = new Identifiers(new ExtractOptions("FR", 2));
        Extraction extraction = small.extract("a.fr b.fr c.fr d.fr", "text");
        assertThat(extraction.truncated()).isTrue();
        assertThat(extraction.found())
                .extracting(f -> f.identifier().normalized())
                .containsExactly("a.fr", "b.fr");
        assertThat(small.extract("a.fr b.fr", "text").truncated()).isFalse();
    }
}
