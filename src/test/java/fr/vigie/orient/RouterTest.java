package fr.vigie.orient;

import static fr.vigie.orient.Cases.checked;
import static fr.vigie.orient.Cases.loss;
import static fr.vigie.orient.Cases.reported;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.App;
import fr.vigie.detect.Verdict;
import fr.vigie.i18n.Lang;
import fr.vigie.report.Channel;
import fr.vigie.report.PaymentMethod;
import fr.vigie.rules.Schemes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled routing tables, routed: the expected ordered steps and their reasons, case by case. */
class RouterTest {
    private static final RoutingTables TABLES = App.routingTables();
    private static final Router ROUTER = new Router(TABLES);

    private static List<String> services(Orientation orientation) {
        return orientation.steps().stream().map(Step::serviceId).toList();
    }

    @Test
    void sextortionOfAMinorInFranceGetsATrustedAdultThen3018And119First() {
        Orientation o = ROUTER.route(
                checked("FR", true, List.of("sextortion"), Set.of("DEADLINE_HOURS"), Channel.EMAIL), Lang.FR);
        assertThat(o.jurisdiction()).isEqualTo("FR");
        assertThat(services(o))
                .containsExactly(
                        "trusted_adult",
                        "e_enfance_3018",
                        "allo_119",
                        "do_not_pay",
                        "do_not_answer",
                        "keep_evidence",
                        "block_sender",
                        "change_passwords",
                        "pharos",
                        "police_gendarmerie",
                        "signal_spam");
        assertThat(o.steps().get(1).contact().phone()).contains("3018");
        assertThat(o.steps().get(1).reason()).contains("mineur").contains("retirer");
        assertThat(o.steps().get(2).contact().phone()).contains("119");
        assertThat(services(o)).doesNotContain("tell_someone", "info_escroqueries", "thesee");
    }

    @Test
    void adultWhoPaidByCardCallsTheBankThenReportsOnPerceval() {
        Orientation o = ROUTER.route(
                reported(
                        "FR",
                        false,
                        List.of("delivery"),
                        List.of(loss("350", "EUR", PaymentMethod.CARD, null)),
                        Channel.SMS),
                Lang.EN);
        assertThat(services(o))
                .containsExactly(
                        "bank",
                        "perceval",
                        "stop_paying",
                        "do_not_answer",
                        "keep_evidence",
                        "block_sender",
                        "tell_someone",
                        "thesee",
                        "police_gendarmerie",
                        "33700",
                        "info_escroqueries",
                        "france_victimes");
        Step bank = o.steps().get(0);
        assertThat(bank.urgency()).isEqualTo(Urgency.NOW);
        assertThat(bank.reason())
                .isEqualTo("Your card was used to pay the scammer: blocking it stops further payments.");
        assertThat(bank.contact().phone()).contains("0 892 705 705");
        assertThat(o.steps().get(1).title()).contains("Perceval");
    }

    @Test
    void romancePaidByCouponsCallsTheCouponIssuerFirst() {
        Orientation o = ROUTER.route(
                reported(
                        "FR",
                        false,
                        List.of("romance"),
                        List.of(loss("600", "EUR", PaymentMethod.COUPON, null)),
                        Channel.DATING_SITE),
                Lang.FR);
        assertThat(services(o))
                .containsExactly(
                        "coupon_issuer",
                        "stop_paying",
                        "do_not_answer",
                        "keep_evidence",
                        "block_sender",
                        "tell_someone",
                        "thesee",
                        "police_gendarmerie",
                        "pharos",
                        "info_escroqueries",
                        "france_victimes");
        assertThat(o.steps().get(0).reason()).contains("coupon").contains("bloqué");
        assertThat(o.steps().get(1).reason()).contains("déjà payé");
    }

    @Test
    void fakeInterpolRecoveryAfterAnEarlierLossWarnsAndNeverNamesInterpolAsAContact() {
        Orientation o = ROUTER.route(
                reported(
                        "FR",
                        false,
                        List.of("recovery", "fake_authority"),
                        List.of(loss("2000", "EUR", PaymentMethod.TRANSFER, LocalDate.of(2026, 6, 1))),
                        Channel.EMAIL),
                Lang.EN);
        assertThat(services(o))
                .containsExactly(
                        "bank",
                        "stop_paying",
                        "do_not_answer",
                        "fake_authority_warning",
                        "keep_evidence",
                        "block_sender",
                        "tell_someone",
                        "thesee",
                        "police_gendarmerie",
                        "pharos",
                        "signal_spam",
                        "info_escroqueries",
                        "france_victimes");
        assertThat(o.steps().get(3).reason())
                .contains("INTERPOL never contacts victims")
                .contains("nobody recovers your money for a fee");
        o.steps().forEach(RouterTest::assertNoInterpolContact);
    }

    @Test
    void victimInSenegalGetsSenegalsServicesAndNoFrenchOnes() {
        Orientation o = ROUTER.route(
                reported(
                        "SN",
                        false,
                        List.of("romance"),
                        List.of(loss("500000", "XOF", PaymentMethod.TRANSFER, null)),
                        Channel.WHATSAPP),
                Lang.FR);
        assertThat(o.jurisdiction()).isEqualTo("SN");
        assertThat(services(o))
                .containsExactly(
                        "bank",
                        "stop_paying",
                        "do_not_answer",
                        "keep_evidence",
                        "block_sender",
                        "tell_someone",
                        "police_cybersecurite",
                        "police");
        assertThat(o.steps().get(6).contact().site()).contains("https://signalementcyber.dgpn.sn/");
        assertThat(o.steps().get(6).reason()).contains("mobile money");
        assertNoServiceOf(o, TABLES.forCountry("FR"));
    }

    @Test
    void victimInAnUnknownCountryGetsTheGeneralPathNeverFrance() {
        Orientation o = ROUTER.route(checked("BR", false, List.of("sextortion"), Set.of(), Channel.EMAIL), Lang.EN);
        assertThat(o.jurisdiction()).isEqualTo("general");
        assertThat(services(o))
                .containsExactly(
                        "do_not_pay",
                        "do_not_answer",
                        "keep_evidence",
                        "block_sender",
                        "tell_someone",
                        "change_passwords",
                        "local_police");
        assertThat(o.steps().getLast().reason()).contains("Extortion is a crime even without a payment");
        assertNoServiceOf(o, TABLES.forCountry("FR"));
    }

    @Test
    void messageWithNoRedFlagsGetsNoSteps() {
        Case nothing = new Case(
                "FR", false, Optional.of(Verdict.NO_RED_FLAGS), List.of(), Set.of(), List.of(), Optional.empty());
        Orientation o = ROUTER.route(nothing, Lang.FR);
        assertThat(o.steps()).isEmpty();
        assertThat(o.jurisdiction()).isEqualTo("FR");
    }

    static Stream<Arguments> jurisdictions() {
        return Stream.of(
                Arguments.of("FR", "e_enfance_3018", "thesee"),
                Arguments.of("BE", "child_focus", "point_de_contact"),
                Arguments.of("CH", "pro_juventute_147", "ncsc"),
                Arguments.of("CA", "cybertip", "centre_antifraude"),
                Arguments.of("SN", "police_cybersecurite", "police_cybersecurite"),
                Arguments.of("CI", null, "plcc"),
                Arguments.of("ML", null, "pole_cybercriminalite"),
                Arguments.of("MA", "e_blagh", "e_blagh"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jurisdictions")
    void eachJurisdictionRoutesAnAdultsLossToItsOwnReportingService(String country, String child, String service) {
        Orientation o = ROUTER.route(
                reported(
                        country,
                        false,
                        List.of("romance"),
                        List.of(loss("900", "EUR", PaymentMethod.TRANSFER, null)),
                        Channel.SOCIAL_NETWORK),
                Lang.EN);
        assertThat(o.jurisdiction()).isEqualTo(country);
        assertThat(services(o)).startsWith("bank", "stop_paying").contains(service, "keep_evidence", "tell_someone");
        Step reporting = o.steps().stream()
                .filter(s -> s.serviceId().equals(service))
                .findFirst()
                .orElseThrow();
        assertThat(reporting.contact().isEmpty()).isFalse();
        assertThat(reporting.reason()).isNotBlank();
        assertNoServiceOf(o, country.equals("FR") ? TABLES.forCountry("BE") : TABLES.forCountry("FR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jurisdictions")
    void eachJurisdictionPutsAMinorsChildProtectionFirst(String country, String child, String service) {
        Orientation o = ROUTER.route(checked(country, true, List.of("sextortion"), Set.of(), null), Lang.FR);
        assertThat(services(o).getFirst()).isEqualTo("trusted_adult");
        assertThat(services(o).get(1)).isEqualTo(child == null ? "do_not_pay" : child);
    }

    @Test
    void noStepEverNamesInterpolAsAContactAndUniversalStepsAreAlwaysThere() {
        List<String> countries = new ArrayList<>(TABLES.jurisdictions());
        countries.add("BR");
        List<List<String>> schemeSets = new ArrayList<>();
        schemeSets.add(List.of());
        Schemes.ALL.forEach(s -> schemeSets.add(List.of(s)));
        List<PaymentMethod> methods = new ArrayList<>(List.of(PaymentMethod.values()));
        methods.add(null);
        List<Channel> channels = new ArrayList<>(List.of(Channel.values()));
        channels.add(null);
        int routed = 0;
        for (String country : countries) {
            for (List<String> schemes : schemeSets) {
                for (boolean minor : List.of(true, false)) {
                    for (PaymentMethod method : methods) {
                        for (Channel channel : channels) {
                            for (Lang lang : Lang.values()) {
                                var losses = method == null
                                        ? List.<fr.vigie.report.Loss>of()
                                        : List.of(loss("10", "EUR", method, null));
                                Orientation o = ROUTER.route(reported(country, minor, schemes, losses, channel), lang);
                                o.steps().forEach(RouterTest::assertNoInterpolContact);
                                assertThat(services(o))
                                        .contains("do_not_answer", "keep_evidence", "block_sender")
                                        .containsAnyOf("do_not_pay", "stop_paying")
                                        .containsAnyOf("tell_someone", "trusted_adult");
                                routed++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(routed).isGreaterThan(10_000);
    }

    @Test
    void unknownCountriesOnlyEverGetUniversalAndGeneralSteps() {
        Set<String> allowed = new HashSet<>();
        TABLES.universal().entries().forEach(e -> allowed.add(e.service()));
        TABLES.forCountry("BR").entries().forEach(e -> allowed.add(e.service()));
        for (String country : List.of("BR", "DE", "US", "JP")) {
            for (String scheme : Schemes.ALL) {
                for (PaymentMethod method : PaymentMethod.values()) {
                    Orientation o = ROUTER.route(
                            reported(
                                    country,
                                    false,
                                    List.of(scheme),
                                    List.of(loss("10", "EUR", method, null)),
                                    Channel.EMAIL),
                            Lang.FR);
                    assertThat(o.jurisdiction()).isEqualTo("general");
                    assertThat(services(o)).isSubsetOf(allowed);
                    o.steps()
                            .forEach(
                                    s -> assertThat(String.valueOf(s.contact())).doesNotContain(".gouv.fr"));
                }
            }
        }
    }

    private static void assertNoInterpolContact(Step step) {
        assertThat(step.serviceId().toLowerCase(Locale.ROOT)).doesNotContain("interpol");
        Stream.of(step.contact().site(), step.contact().phone(), step.contact().address())
                .flatMap(Optional::stream)
                .forEach(value -> assertThat(value.toLowerCase(Locale.ROOT)).doesNotContain("interpol"));
    }

    /** No step of {@code o} is one of {@code other}'s own services (the bank and the police are everyone's). */
    private static void assertNoServiceOf(Orientation o, RoutingTable other) {
        Set<String> foreign = new HashSet<>();
        other.entries().forEach(e -> foreign.add(e.service()));
        foreign.removeAll(Set.of("bank", "police", "police_gendarmerie", "local_police"));
        assertThat(services(o)).doesNotContainAnyElementsOf(foreign);
        o.steps()
                .forEach(step -> other.entries().stream()
                        .flatMap(e -> e.contact().site().stream())
                        .forEach(site -> assertThat(step.contact().site()).isNotEqualTo(Optional.of(site))));
    }
}
