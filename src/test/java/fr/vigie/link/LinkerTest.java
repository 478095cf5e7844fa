package fr.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.App;
import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Kind;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LinkerTest {
    static final String UNIT = "signalements@cellule-vigie.fr";
    static final Linker LINKER = App.linker(Set.of(UNIT));

    private final Desk desk = new Desk(LINKER);

    @Test
    void twoReportsWithTheSameIbanWrittenDifferentlyLink() {
        desk.report("FR76 3000 6000 0112 3456 7890 189");
        Linked second = desk.report("fr7630006000011234567890189");

        assertThat(second.links()).singleElement().satisfies(link -> {
            assertThat(link.decision().key().kind()).isEqualTo(Kind.IBAN);
            assertThat(link.decision().strong()).isTrue();
            assertThat(link.with()).containsExactly(0);
        });
        assertThat(desk.campaigns().campaignOf(1))
                .isEqualTo(desk.campaigns().campaignOf(0))
                .isZero();
    }

    @Test
    void aLinkIsExplainedInFrenchAndEnglishWithTheValueAsShown() {
        desk.report("FR76 3000 6000 0112 3456 7890 189");
        Decision.Links decision =
                desk.report("fr7630006000011234567890189").links().getFirst().decision();

        assertThat(Explanations.of(Lang.FR).link(decision))
                .isEqualTo("même IBAN FR76 3000 6000 0112 3456 7890 189, vu dans 2 signalements");
        assertThat(Explanations.of(Lang.EN).link(decision))
                .isEqualTo("same IBAN FR76 3000 6000 0112 3456 7890 189, seen in 2 reports");
    }

    @Test
    void twoReportsThatOnlyShareGmailDoNotLink() {
        desk.report("arnaqueur.un@gmail.com", "gmail.com", "https://gmail.com/");
        Linked second = desk.report("arnaqueur.deux@gmail.com", "gmail.com", "https://gmail.com/");

        assertThat(second.links()).isEmpty();
        assertThat(desk.campaigns().campaignOf(1)).isEqualTo(1);
        assertThat(desk.postingOf(Set.of(), "gmail.com").never()).containsValue(new NeverReason("freemail"));
    }

    @Test
    void theSameAddressAtAFreeMailProviderLinks() {
        desk.report("Arnaqueur.Un@gmail.com");
        assertThat(desk.report("arnaqueurun+colis@gmail.com").links())
                .singleElement()
                .satisfies(
                        link -> assertThat(link.decision().key().normalized()).isEqualTo("arnaqueurun@gmail.com"));
    }

    @Test
    void twoReportsThatOnlyShareAPrivateIpOrAPublicResolverDoNotLink() {
        desk.report("10.0.0.1", "1.1.1.1", "2001:4860:4860::8888");
        assertThat(desk.report("10.0.0.1", "1.1.1.1", "2001:4860:4860::8888").links())
                .isEmpty();

        assertThat(desk.postingOf(Set.of(), "10.0.0.1", "1.1.1.1").never())
                .containsValues(NeverReason.PRIVATE_IP, new NeverReason("never-link-resolvers"));
    }

    @Test
    void aPublicIpLinksOnlyWeaklyAndJoinsNoCampaign() {
        desk.report("185.220.101.4");
        Linked second = desk.report("185.220.101.4");

        assertThat(second.links())
                .singleElement()
                .satisfies(link -> assertThat(link.decision().strong()).isFalse());
        assertThat(second.edges()).isEmpty();
        assertThat(desk.campaigns().campaignOf(1)).isEqualTo(1);
    }

    @Test
    void theVictimsOwnEmailNeverLinks() {
        String victim = "jean.dupont@gmail.com";
        Set<String> own = Set.of(Desk.id(victim).normalized());
        desk.report(own, List.of(victim, "+33 6 12 34 56 78"), List.of());
        Linked sameVictimAgain = desk.report(own, List.of(victim), List.of());
        Linked quotedByAnother = desk.report(Set.of(), List.of(victim), List.of());

        assertThat(sameVictimAgain.links()).isEmpty();
        assertThat(quotedByAnother.links()).isEmpty();
        assertThat(desk.postingOf(own, victim).never()).containsValue(NeverReason.VICTIM);
    }

    @Test
    void theReportingUnitsOwnAddressNeverLinks() {
        desk.report(UNIT);
        assertThat(desk.report(UNIT).links()).isEmpty();
        assertThat(desk.postingOf(Set.of(), UNIT).never()).containsValue(NeverReason.UNIT);
    }

    @Test
    void officialAddressesAndSitesNeverLinkButALookAlikeDoes() {
        desk.report("contact@interpol.int", "https://www.europol.europa.eu/report", "interieur.gouv.fr");
        assertThat(desk.report("contact@interpol.int", "https://www.europol.europa.eu/report", "interieur.gouv.fr")
                        .links())
                .allSatisfy(link -> assertThat(link.decision().strong()).isFalse());

        desk.report("secretariat@interpol-police-int.com");
        Linked lookAlike = desk.report("bureau@interpol-police-int.com");
        assertThat(lookAlike.links()).singleElement().satisfies(link -> {
            assertThat(link.decision().key().normalized()).isEqualTo("interpol-police-int.com");
            assertThat(link.decision().strong()).isTrue();
        });
    }

    @Test
    void linksToTheSameScamHostLinkThroughTheHostWhenTheirPathsDiffer() {
        desk.report("hxxps://secure-ameli[.]fr/login?id=8F3A");
        Linked second = desk.report("https://remboursement.secure-ameli.fr/carte?id=11C2");

        assertThat(second.links()).singleElement().satisfies(link -> {
            assertThat(link.decision().key().kind()).isEqualTo(Kind.DOMAIN);
            assertThat(link.decision().key().normalized()).isEqualTo("secure-ameli.fr");
        });
    }

    @Test
    void aPageOnAListedPlatformLinksWeaklyAndThePlatformAloneNever() {
        desk.report("https://docs.google.com/forms/d/e/1FAIpQLSf3kd/viewform", "https://www.google.com/");
        Linked second =
                desk.report("https://docs.google.com/forms/d/e/1FAIpQLSf3kd/viewform", "https://www.google.com/");

        assertThat(second.links()).singleElement().satisfies(link -> {
            assertThat(link.decision().key().kind()).isEqualTo(Kind.URL);
            assertThat(link.decision().strong()).isFalse();
            assertThat(link.decision().weight()).isLessThanOrEqualTo(LinkPolicy.PLATFORM_PAGE);
        });
        assertThat(desk.postingOf(Set.of(), "https://www.google.com/").never())
                .containsValue(new NeverReason("never-link-platforms"));
    }

    @Test
    void anAliasLinksOnlyWeakly() {
        desk.report("alias:Capitaine Martin");
        Linked second = desk.report("alias:capitaine  MARTIN");

        assertThat(second.links()).singleElement().satisfies(link -> {
            assertThat(link.decision().strong()).isFalse();
            assertThat(link.decision().weight()).isLessThan(0.5);
        });
        assertThat(second.edges()).isEmpty();
    }

    @Test
    void aValueOverTheFrequencyThresholdIsDemotedWithAnExplanation() {
        Desk small = new Desk(new Linker(new LinkPolicy(LINKER.policy().never(), 0.01, 3)));
        for (int i = 0; i < 3; i++) {
            assertThat(small.report("+33 7 56 78 90 12").tooCommon()).isEmpty();
        }
        Linked fourth = small.report("+33 7 56 78 90 12");

        assertThat(fourth.links()).isEmpty();
        assertThat(fourth.tooCommon()).singleElement().satisfies(common -> {
            assertThat(common.reports()).isEqualTo(4);
            assertThat(common.limit()).isEqualTo(3);
            assertThat(Explanations.of(Lang.EN).tooCommon(common))
                    .isEqualTo("phone +33 7 56 78 90 12: in 4 reports, over the limit of 3; too common to link reports,"
                            + " so a warning, not a link.");
            assertThat(Explanations.of(Lang.FR).tooCommon(common))
                    .startsWith("téléphone +33 7 56 78 90 12 : dans 4 signalements");
        });
        assertThat(small.campaigns().campaignOf(3)).isEqualTo(3);
    }

    @Test
    void aValueThatBecomesTooCommonNoLongerJoinsTheCampaignsItJoinedWhileRare() {
        Desk small = new Desk(new Linker(new LinkPolicy(LINKER.policy().never(), 0.01, 3)));
        // Three campaigns, each with its own IBAN; each also names one "customer service" number, rare so far.
        small.report("FR76 3000 6000 0112 3456 7890 189", "+33 9 70 80 90 10");
        small.report("FR76 3000 6000 0112 3456 7890 189");
        small.report("DE89 3704 0044 0532 0130 00", "+33 9 70 80 90 10");
        small.report("DE89 3704 0044 0532 0130 00");
        small.report("ES91 2100 0418 4502 0005 1332", "+33 9 70 80 90 10");
        assertThat(small.campaigns().campaignOf(4)).as("joined while rare").isZero();

        Linked fourth = small.report("+33 9 70 80 90 10", "+33 6 11 22 33 44");

        assertThat(fourth.tooCommon())
                .singleElement()
                .satisfies(common -> assertThat(common.key().normalized()).isEqualTo("+33970809010"));
        assertThat(IntStream.range(0, 6).map(small.campaigns()::campaignOf)).containsExactly(0, 0, 2, 2, 4, 5);
    }

    @Test
    void aValueOnceTooCommonStaysSoAsTheStoreGrows() {
        Desk small = new Desk(new Linker(new LinkPolicy(LINKER.policy().never(), 0.01, 3)));
        for (int i = 0; i < 4; i++) {
            small.report("+33 9 70 80 90 10");
        }
        for (int i = 0; i < 500; i++) {
            small.report("+33 6 " + (10 + i / 100) + " 22 " + (10 + i % 90) + " 44");
        }

        Linked later = small.report("+33 9 70 80 90 10");

        assertThat(later.links()).isEmpty();
        assertThat(later.tooCommon())
                .singleElement()
                .satisfies(common -> assertThat(common.limit()).isEqualTo(3));
    }

    @Test
    void everyPostedReportIsPostedUnderItsKeysNotPairs() {
        Posting posting = desk.postingOf(
                Set.of(),
                "https://pay.secure-ameli.fr/x",
                "escroc@secure-ameli.fr",
                "FR76 3000 6000 0112 3456 7890 189");
        assertThat(posting.keys())
                .extracting(key -> key.kind().id() + ":" + key.normalized())
                .containsExactly(
                        "url:https://pay.secure-ameli.fr/x",
                        "domain:secure-ameli.fr",
                        "email:escroc@secure-ameli.fr",
                        "iban:FR7630006000011234567890189");
    }

    @Test
    void aLinkToAnIpLiteralIsAlsoPostedUnderThatIp() {
        assertThat(desk.postingOf(Set.of(), "http://185.220.101.4/paiement").keys())
                .extracting(key -> key.kind().id() + ":" + key.normalized())
                .containsExactly("url:http://185.220.101.4/paiement", "ip:185.220.101.4");
    }

    @Test
    void aFullRebuildChainsEachKeysReports() {
        assertThat(Linker.chain(new int[] {2, 5, 9}))
                .containsExactly(new Campaigns.Edge(2, 5), new Campaigns.Edge(5, 9));
        assertThat(Linker.chain(new int[] {4})).isEmpty();
    }
}
