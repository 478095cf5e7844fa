package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.BadInputException;
import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Identifiers;
import fr.vigie.identifier.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFormTest {
    private final ReportForm form = new ReportForm(new Identifiers());

    static Map<String, List<String>> fields(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return map;
    }

    private BadInputException refused(String... pairs) {
        try {
            form.read(fields(pairs), List.of(), "web");
        } catch (BadInputException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aFullFormIsReadWithItsDefaults() {
        NewReport r = form.read(
                fields(
                        "narrative", "On m'a demandé des coupons",
                        "loss", "250,50 eur coupon 2026-10-01",
                        "identifier", "+33 6 12 34 56 78",
                        "minor", "oui"),
                List.of(),
                "web");

        assertThat(r.situation().country()).isEqualTo("FR");
        assertThat(r.situation().lang()).isEqualTo(Lang.FR);
        assertThat(r.situation().minor()).isTrue();
        assertThat(r.channel()).isEqualTo(Channel.OTHER);
        assertThat(r.losses()).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualByComparingTo("250.50");
            assertThat(l.currency()).isEqualTo("EUR");
            assertThat(l.method()).isEqualTo(PaymentMethod.COUPON);
        });
        assertThat(r.declared()).singleElement().satisfies(id -> {
            assertThat(id.kind()).isEqualTo(Kind.PHONE);
            assertThat(id.normalized()).isEqualTo("+33612345678");
        });
        assertThat(r.reporter()).isEmpty();
    }

    @Test
    void aPastedMessageBecomesAnEvidenceFileKeptExactly() {
        NewReport r = form.read(fields("message", "Votre colis est bloqué : payez 1,99 €"), List.of(), "web");

        assertThat(r.evidence()).singleElement().satisfies(e -> {
            assertThat(e.filename()).isEqualTo("message.txt");
            assertThat(new String(e.bytes(), StandardCharsets.UTF_8))
                    .isEqualTo("Votre colis est bloqué : payez 1,99 €");
        });
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        assertThat(refused("narrative", "x", "password", "hunter2").code()).isEqualTo("field.password");
    }

    @Test
    void aLossNotWrittenAsExpectedIsRefusedWithTheExpectedForm() {
        BadInputException e = refused("loss", "beaucoup");
        assertThat(e.code()).isEqualTo("field.loss");
        assertThat(e.getMessage()).contains("AMOUNT CURRENCY METHOD");
        assertThat(refused("loss", "-5 EUR card").getMessage()).contains("positive");
        assertThat(refused("loss", "5 EUR bitcoinz").getMessage()).contains("crypto");
        assertThat(refused("loss", "5 EUROS card").getMessage()).contains("ISO 4217");
    }

    @Test
    void anIdentifierVigieCannotReadIsRefused() {
        assertThat(refused("identifier", "not an identifier at all").code()).isEqualTo("field.identifier");
    }

    @Test
    void badDatesCountriesChannelsAndBooleansAreRefused() {
        assertThat(refused("narrative", "x", "first_contact", "02/11/2026").code())
                .isEqualTo("field.first_contact");
        assertThat(refused("narrative", "x", "country", "F1").code()).isEqualTo("field.country");
        assertThat(refused("narrative", "x", "channel", "pigeon").code()).isEqualTo("field.channel");
        assertThat(refused("narrative", "x", "minor", "maybe").code()).isEqualTo("field.minor");
        assertThat(refused("narrative", "x", "lang", "de").code()).isEqualTo("field.lang");
        assertThat(refused("narrative", "x", "first_contact", "2026-11-05", "last_contact", "2026-11-01")
                        .code())
                .isEqualTo("field.last_contact");
    }

    @Test
    void aFieldGivenTwiceOrWithANulIsRefused() {
        assertThat(refused("narrative", "a", "narrative", "b").code()).isEqualTo("field.narrative");
        assertThat(refused("narrative", "a\0b").code()).isEqualTo("field.narrative");
    }

    @Test
    void anEmptyReportIsRefused() {
        assertThat(refused("country", "FR").code()).isEqualTo("empty_report");
    }

    @Test
    void aTooLongNarrativeIsRefused() {
        assertThat(refused("narrative", "x".repeat(ReportForm.MAX_NARRATIVE + 1))
                        .code())
                .isEqualTo("field.narrative");
    }
}
