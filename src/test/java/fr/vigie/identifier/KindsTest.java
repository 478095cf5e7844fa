package fr.vigie.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Valid, invalid and tricky values for each kind's parse(), outside any text. */
class KindsTest {

    @Test
    void gmailIgnoresDotsAndPlusTagAndGooglemailIsGmail() {
        assertThat(Email.parse("Jean.Dupont+impots@GoogleMail.com").map(Email::normalized))
                .hasValue("jeandupont@gmail.com");
    }

    @Test
    void outlookIgnoresPlusTagButKeepsDots() {
        assertThat(Email.parse("Jean.Dupont+x@Hotmail.FR").map(Email::normalized))
                .hasValue("jean.dupont@hotmail.fr");
    }

    @Test
    void unlistedProviderKeepsLocalPartAsWritten() {
        assertThat(Email.parse("Jean.Dupont+x@orange.fr").map(Email::normalized))
                .hasValue("jean.dupont+x@orange.fr");
    }

    @Test
    void emailDomainIsInAsciiAndExposed() {
        Email email = Email.parse("contact@société.fr").orElseThrow();
        assertThat(email.domain().normalized()).isEqualTo("xn--socit-esab.fr");
        assertThat(email.normalized()).isEqualTo("contact@xn--socit-esab.fr");
    }

    @Test
    void emailWithoutKnownSuffixOrWithDoubleDotIsNotAnIdentifier() {
        assertThat(Email.parse("jean@localhost")).isEmpty();
        assertThat(Email.parse("jean..dupont@orange.fr")).isEmpty();
        assertThat(Email.parse("@orange.fr")).isEmpty();
    }

    @Test
    void phoneWrittenWithDotsAndSpacesIsE164() {
        assertThat(Phone.parse("+33 (0)6.12.34.56.78").map(Phone::normalized)).hasValue("+33612345678");
        assertThat(Phone.parse("06 12 34 56 78").map(Phone::normalized)).hasValue("+33612345678");
    }

    @Test
    void phoneWithInternationalPrefixKeepsItsCountry() {
        Phone phone = Phone.parse("00225 07 07 07 07 07").orElseThrow();
        assertThat(phone.normalized()).isEqualTo("+2250707070707");
        assertThat(phone.region()).isEqualTo("CI");
        assertThat(phone.countryCode()).isEqualTo(225);
    }

    @Test
    void nationalPhoneIsReadInTheGivenRegion() {
        assertThat(Phone.parse("020 7946 0018", "GB").map(Phone::normalized)).hasValue("+442079460018");
    }

    @Test
    void invalidPhoneNumberIsNotAnIdentifier() {
        assertThat(Phone.parse("06 12 34 56")).isEmpty();
        assertThat(Phone.parse("12 34 56 78 90")).isEmpty();
    }

    @Test
    void ibanIsUpperCaseCompactAndShownInGroupsOfFour() {
        Iban iban = Iban.parse("fr76 3000 6000 0112 3456 7890 189").orElseThrow();
        assertThat(iban.normalized()).isEqualTo("FR7630006000011234567890189");
        assertThat(iban.display()).isEqualTo("FR76 3000 6000 0112 3456 7890 189");
    }

    @Test
    void ibanWithBadCheckDigitsIsNotAnIdentifier() {
        assertThat(Iban.parse("FR77 3000 6000 0112 3456 7890 189")).isEmpty();
        assertThat(Iban.parse("FR76 3000 6000 0112 3456 7890 188")).isEmpty();
    }

    @Test
    void ibanOfWrongLengthForItsCountryIsNotAnIdentifier() {
        assertThat(Iban.parse("DE89 3704 0044 0532 0130 00")).isPresent();
        assertThat(Iban.parse("DE89 3704 0044 0532 0130 0")).isEmpty();
    }

    @Test
    void obfuscatedUrlIsUnderstood() {
        Url url = Url.parse("hxxps://Secure-Ameli[.]FR:443/login?utm_source=x&id=7&fbclid=abc#a")
                .orElseThrow();
        assertThat(url.normalized()).isEqualTo("https://secure-ameli.fr/login?id=7");
        assertThat(url.display()).isEqualTo("hxxps://secure-ameli[.]fr/login?id=7");
        assertThat(url.domain().registrable()).isEqualTo("secure-ameli.fr");
    }

    @Test
    void urlWithoutSchemeIsReadAsHttp() {
        assertThat(Url.parse("www.example.fr/path").map(Url::normalized)).hasValue("http://www.example.fr/path");
        assertThat(Url.parse("http://example.fr").map(Url::normalized)).hasValue("http://example.fr/");
    }

    @Test
    void urlHostIsAsciiAndNonDefaultPortIsKept() {
        assertThat(Url.parse("https://société.fr:8443/été").map(Url::normalized))
                .hasValue("https://xn--socit-esab.fr:8443/%C3%A9t%C3%A9");
    }

    @Test
    void urlWithIpHostHasNoDomain() {
        Url url = Url.parse("http://192.0.2.10:8080/x").orElseThrow();
        assertThat(url.domain()).isNull();
        assertThat(url.host()).isEqualTo("192.0.2.10");
        assertThat(url.ip()).isPresent();
        assertThat(Url.parse("http://[2001:DB8::1]/").map(Url::host)).hasValue("[2001:db8::1]");
    }

    @Test
    void urlUserInfoIsDroppedSoTheRealHostShows() {
        assertThat(Url.parse("https://impots.gouv.fr@evil.example.com/x").map(Url::host))
                .hasValue("evil.example.com");
    }

    @Test
    void urlWithUnknownSchemeOrHostIsNotAnIdentifier() {
        assertThat(Url.parse("javascript://alert(1)")).isEmpty();
        assertThat(Url.parse("http://localhost/")).isEmpty();
        assertThat(Url.parse("http://example.fr:99999/")).isEmpty();
    }

    @Test
    void mtcnIsTenDigits() {
        assertThat(Mtcn.parse("123-456-7890").map(Mtcn::normalized)).hasValue("1234567890");
        assertThat(Mtcn.parse("123-456-789")).isEmpty();
    }

    @Test
    void couponIsBrandAndUpperCaseCodeWithoutSeparators() {
        assertThat(Coupon.parse("1234-5678-9012-3456", "paysafecard").map(Coupon::normalized))
                .hasValue("paysafecard:1234567890123456");
        assertThat(Coupon.parse("x7k3-m9q2-h4", "PCS").map(Coupon::normalized)).hasValue("pcs:X7K3M9Q2H4");
    }

    @Test
    void couponOfImplausibleLengthOrWithoutDigitsIsRefused() {
        assertThat(Coupon.parse("12345", "pcs")).isEmpty();
        assertThat(Coupon.parse("TRANSFERTS", "pcs")).isEmpty();
        assertThat(Coupon.parse("ABCD1234567890EF", "paysafecard")).isEmpty();
        assertThat(Coupon.parse("X7K3M9Q2H4", "unknownbrand")).isEmpty();
    }

    @Test
    void handleIsPlatformAndLowerCaseName() {
        assertThat(Handle.of("Insta", "@Lovely_Anna").map(Handle::normalized)).hasValue("instagram:lovely_anna");
        assertThat(Handle.of("Twitter", "Someone").map(Handle::normalized)).hasValue("x:someone");
        assertThat(Handle.parse("telegram:@anna_love").map(Handle::normalized)).hasValue("telegram:anna_love");
    }

    @Test
    void handleOnUnknownPlatformOrTooLongIsRefused() {
        assertThat(Handle.of("myspace", "anna")).isEmpty();
        assertThat(Handle.of("x", "a_name_much_too_long_for_x")).isEmpty();
    }

    @Test
    void cardNumberIsNeverKeptWhole() {
        Card card = Card.parse("4111 1111 1111 1111").orElseThrow();
        assertThat(card.normalized()).isEqualTo("visa:411111******1111");
        assertThat(card.toString()).doesNotContain("4111111111111111");
        assertThat(Card.mask("4111 1111 1111 1111")).isEqualTo("4111 11** **** 1111");
    }

    @Test
    void cardFailingLuhnOrWithoutKnownBrandIsNotAnIdentifier() {
        assertThat(Card.parse("4111 1111 1111 1112")).isEmpty();
        assertThat(Card.parse("9111 1111 1111 1116")).isEmpty();
        assertThat(Card.parse("3782 822463 10005").map(Card::brand)).hasValue("amex");
        assertThat(Card.parse("5555 5555 5555 4444").map(Card::brand)).hasValue("mastercard");
    }

    @Test
    void cardRecordRefusesMoreThanBinAndLastFour() {
        assertThatThrownBy(() -> new Card("visa", "4111111", "1111", 16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void foundRefusesAnUnmaskedCardNumber() {
        Card card = Card.parse("4111111111111111").orElseThrow();
        assertThatThrownBy(() -> new Found(card, "4111111111111111", new fr.vigie.message.Span("text", 0, 16)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aliasIsLowerCaseWithoutAccentsAndSingleSpaced() {
        assertThat(Alias.parse("  Capitaine   Hélène  MARTIN ").map(Alias::normalized))
                .hasValue("capitaine helene martin");
        assertThat(Alias.parse("1234")).isEmpty();
    }

    @Test
    void domainIsLowerCaseWithoutTrailingDot() {
        Domain domain = Domain.parse("Secure-Ameli.FR.").orElseThrow();
        assertThat(domain.normalized()).isEqualTo("secure-ameli.fr");
        assertThat(Domain.parse("www.secure-ameli.fr").map(Domain::registrable)).hasValue("secure-ameli.fr");
    }

    @Test
    void domainAnswersDoNotMixWhenMoreNamesAreAskedThanRemembered() {
        for (int round = 0; round < 2; round++) { // the second round reads what the first left behind
            for (int i = 0; i < 5000; i++) {
                assertThat(Domain.parse("Host" + i + ".Example.COM").map(Domain::normalized))
                        .hasValue("host" + i + ".example.com");
                assertThat(Domain.parse("host" + i + ".invalid-suffix-" + i)).isEmpty();
            }
        }
    }

    @Test
    void ipv6IsCanonicalAndDocumentationRangeIsReserved() {
        Ip ip = Ip.parse("2001:DB8:0:0::1").orElseThrow();
        assertThat(ip.normalized()).isEqualTo("2001:db8::1");
        assertThat(ip.privateOrReserved()).isTrue();
        assertThat(Ip.parse("8.8.8.8").map(Ip::privateOrReserved)).hasValue(false);
    }
}
