package fr.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static Fingerprint of(String fixture) {
        return Fingerprint.of(Desk.fixture(fixture)).orElseThrow();
    }

    @Test
    void theSameLetterWithAnotherNameAmountWalletAndAddressIsTheSameTemplate() {
        Fingerprint first = of("sextortion-en-1.txt");
        assertThat(first.distance(of("sextortion-en-2.txt"))).isLessThanOrEqualTo(Fingerprint.MAX_DISTANCE);
        assertThat(first.distance(of("sextortion-en-3.txt"))).isLessThanOrEqualTo(Fingerprint.MAX_DISTANCE);
        assertThat(first.distance(of("sextortion-en-4.txt")))
                .as("another greeting, currency and coin")
                .isBetween(1, Fingerprint.MAX_DISTANCE);
        assertThat(of("convocation-fr-1.txt").near(of("convocation-fr-2.txt"))).isTrue();
        for (String variant : List.of("sextortion-en-2.txt", "sextortion-en-3.txt", "sextortion-en-4.txt")) {
            assertThat(first.near(of(variant))).as(variant).isTrue();
        }
    }

    @Test
    void bitsThatAgreeWithoutTheCheckAreNotTheSameTemplate() {
        Fingerprint letter = of("sextortion-en-1.txt");
        Fingerprint sameBitsOtherCheck = new Fingerprint(letter.bits(), ~letter.check());

        assertThat(letter.distance(sameBitsOtherCheck)).isZero();
        assertThat(letter.near(sameBitsOtherCheck)).isFalse();
    }

    @Test
    void lettersOfTheSameSchemeInOtherWordsAreNotTheSameTemplate() {
        List<Fingerprint> letters = List.of(
                of("sextortion-en-1.txt"),
                of("sextortion-en-other.txt"),
                of("sextortion-fr-other.txt"),
                of("convocation-fr-1.txt"));
        for (int i = 0; i < letters.size(); i++) {
            for (int j = i + 1; j < letters.size(); j++) {
                assertThat(letters.get(i).distance(letters.get(j)))
                        .as("letters %d and %d", i, j)
                        .isGreaterThan(3 * Fingerprint.MAX_DISTANCE);
            }
        }
    }

    @Test
    void aOneLineSmsHasNoFingerprint() {
        assertThat(Fingerprint.of(Desk.fixture("sms-delivery-1.txt"))).isEmpty();
        assertThat(Fingerprint.of(Desk.fixture("sms-delivery-2.txt"))).isEmpty();
        assertThat(Fingerprint.of("")).isEmpty();
    }

    @Test
    void whatAScammerChangesPerVictimIsMasked() {
        assertThat(Fingerprint.words("Send 1250 EUR to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh or pay@scam.example,"
                        + " see hxxps://pay[.]example/x or pay.example today."))
                .containsExactly("send", "#", "to", "#", "or", "@", "see", "/", "or", "/", "today");
    }

    @Test
    void nearFingerprintsShareABandSoAnExactLookupFindsThem() {
        Fingerprint base = of("sextortion-en-1.txt");
        for (int flips = 0; flips <= Fingerprint.MAX_DISTANCE; flips++) {
            long mask = 0;
            for (int k = 0; k < flips; k++) {
                mask |= 1L << (k * 16 + 5); // one flipped bit per band: the worst case
            }
            Fingerprint moved = new Fingerprint(base.bits() ^ mask, base.check());
            Set<Integer> bands = IntStream.of(base.bandKeys()).boxed().collect(java.util.stream.Collectors.toSet());
            assertThat(IntStream.of(moved.bandKeys()).anyMatch(bands::contains))
                    .as("%d flipped bits", flips)
                    .isTrue();
        }
    }

    @Test
    void namesInsideASentenceAndGreetingsAreOneSlot() {
        assertThat(Fingerprint.words("Bonjour Pierre Lefèvre,\nMadame Sophie Garnier est poursuivie. Vous êtes"))
                .containsExactly("bonjour", "N", "est", "poursuivi", "vou", "ete");
    }

    @Test
    void aHugeTextIsFingerprintedByItsBeginningOnly() {
        String letter = Desk.fixture("sextortion-en-1.txt");
        String huge = letter + "\n" + "lorem ipsum dolor sit amet ".repeat(2_000_000);

        assertThat(Fingerprint.of(huge))
                .isEqualTo(Fingerprint.of((letter + "\n" + "lorem ipsum dolor sit amet ".repeat(20_000))
                        .substring(0, Fingerprint.MAX_CHARS)));
    }

    @Test
    void bandKeysNameTheirBand() {
        assertThat(new Fingerprint(0, 0).bandKeys()).containsExactly(0, 1 << 16, 2 << 16, 3 << 16);
    }

    @Test
    void aTemplateVariantJoinsItsCampaignThoughEveryIdentifierDiffers() {
        Desk desk = new Desk(LinkerTest.LINKER);
        desk.report(
                Set.of(),
                List.of("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh"),
                List.of(Desk.fixture("sextortion-en-1.txt")));
        desk.report(
                Set.of(), List.of("1BoatSLRHtKNngkdXEeobR76b53LETtpyT"), List.of(Desk.fixture("sextortion-en-2.txt")));
        desk.report(Set.of(), List.of(), List.of(Desk.fixture("sextortion-en-other.txt")));
        desk.report(Set.of(), List.of(), List.of(Desk.fixture("sms-delivery-1.txt")));
        Linked variant = desk.report(
                Set.of(),
                List.of("0x52908400098527886E0F7030069857D2E4169EE7", "kevin.wright1985@yahoo.co.uk"),
                List.of(Desk.fixture("sextortion-en-4.txt")));

        assertThat(variant.links()).isEmpty();
        assertThat(variant.templates()).extracting(Linked.TemplateMatch::with).containsExactlyInAnyOrder(0, 1);
        assertThat(desk.campaigns().campaignOf(4)).isZero();
        assertThat(desk.campaigns().campaignOf(1)).isZero();
        assertThat(desk.campaigns().campaignOf(2)).isEqualTo(2);
        assertThat(desk.campaigns().campaignOf(3)).isEqualTo(3);
    }
}
