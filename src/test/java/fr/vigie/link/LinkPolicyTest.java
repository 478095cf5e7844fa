package fr.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.vigie.identifier.Identifier;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkPolicyTest {
    private final LinkPolicy policy = LinkerTest.LINKER.policy();
    private final Identifier wallet = Desk.id("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh");

    @Test
    void rarerValuesWeighMore() {
        double two = weight(2, 1_000_000);
        double hundred = weight(100, 1_000_000);
        double fiveThousand = weight(5_000, 1_000_000);

        assertThat(two).isGreaterThan(hundred).isGreaterThan(fiveThousand).isGreaterThan(0);
        assertThat(two).isCloseTo(0.95, within(0.01));
        assertThat(hundred).isCloseTo(0.67, within(0.01));
        assertThat(fiveThousand).isCloseTo(0.38, within(0.01));
        assertThat(weight(1, 1)).isEqualTo(1.0);
    }

    @Test
    void theDefaultThresholdIsOnePercentAndNeverBelowAHundredReports() {
        assertThat(policy.commonLimit(1_000_000)).isEqualTo(10_000);
        assertThat(policy.commonLimit(500)).isEqualTo(100);
        assertThat(policy.decide(wallet, 150, 1_000, Set.of())).isInstanceOf(Decision.TooCommon.class);
        assertThat(policy.decide(wallet, 100, 1_000, Set.of())).isInstanceOf(Decision.Links.class);
    }

    @Test
    void aNeverLinkedValueStaysSoHoweverRare() {
        assertThat(policy.decide(Desk.id("gmail.com"), 2, 1_000_000, Set.of()))
                .isEqualTo(new Decision.Never(Desk.id("gmail.com"), 2, new NeverReason("freemail")));
    }

    @Test
    void paymentProcessorsAndShortenersNeverLinkByTheirHost() {
        assertThat(policy.neverReason(Desk.id("checkout.stripe.com"), Set.of()))
                .contains(new NeverReason("never-link-payments"));
        assertThat(policy.neverReason(Desk.id("bit.ly"), Set.of())).contains(new NeverReason("url-shorteners"));
        assertThat(policy.neverReason(Desk.id("paypal.com"), Set.of())).contains(new NeverReason("brand-domains"));
    }

    @Test
    void officialSitesNeverLinkWhateverTheirSubDomain() {
        for (String official :
                new String[] {"interpol.int", "www.europol.europa.eu", "www.interieur.gouv.fr", "ic3.gov"}) {
            assertThat(policy.neverReason(Desk.id(official), Set.of()))
                    .as(official)
                    .contains(new NeverReason("never-link-official"));
        }
        assertThat(policy.neverReason(Desk.id("interpol-police-int.com"), Set.of()))
                .isEmpty();
    }

    @Test
    void theVictimsCompanyDomainIsTheirsToo() {
        assertThat(policy.neverReason(Desk.id("acme-industries.fr"), Set.of("paul.leroy@acme-industries.fr")))
                .contains(NeverReason.VICTIM);
    }

    @Test
    void aPaymentCardIsAlwaysTheVictimsOwn() {
        assertThat(policy.neverReason(Desk.id("4111 1111 1111 1111"), Set.of())).contains(NeverReason.CARD);
    }

    private double weight(long reports, long total) {
        return ((Decision.Links) policy.decide(wallet, reports, total, Set.of())).weight();
    }
}
