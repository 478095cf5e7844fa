package fr.vigie.orient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.InvalidDataFileException;
import fr.vigie.app.App;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** One test per check of the routing-table validator, each on a small table under src/test/resources/orient/. */
class RoutingTablesTest {

    @Test
    void bundledTablesLoadAndValidate() {
        RoutingTables tables = App.routingTables();
        assertThat(tables.size()).isEqualTo(App.ROUTING_TABLES.size());
        assertThat(tables.jurisdictions()).containsExactlyInAnyOrder("FR", "BE", "CH", "CA", "SN", "CI", "ML", "MA");
    }

    @Test
    void validFixtureSetParses() {
        RoutingTables tables = RoutingTables.parse(Map.of(
                "orient/valid/universal.json", fixture("valid/universal.json"),
                "orient/valid/general.json", fixture("valid/general.json"),
                "orient/valid/fr.json", fixture("valid/fr.json")));
        assertThat(tables.jurisdictions()).containsExactly("FR");
        assertThat(tables.forCountry("FR").entries()).extracting(Entry::id).containsExactly("FR_PHAROS");
        assertThat(tables.forCountry("BR").jurisdiction()).isEqualTo("general");
    }

    @Test
    void unknownEntryFieldIsRefused() {
        refused("unknown_field")
                .hasMessageContaining("entry FR_PHAROS")
                .hasMessageContaining("unknown field 'telephone'");
    }

    @Test
    void unknownSchemeIsRefused() {
        refused("unknown_scheme")
                .hasMessageContaining("entry FR_PHAROS")
                .hasMessageContaining("field 'when.schemes'")
                .hasMessageContaining("'sextorsion'");
    }

    @Test
    void unknownPaymentMethodIsRefused() {
        refused("unknown_payment").hasMessageContaining("field 'when.payments'").hasMessageContaining("'paypal'");
    }

    @Test
    void unknownChannelIsRefused() {
        refused("unknown_channel").hasMessageContaining("field 'when.channels'").hasMessageContaining("'fax'");
    }

    @Test
    void unknownConditionIsRefused() {
        refused("unknown_condition").hasMessageContaining("when").hasMessageContaining("unknown field 'age'");
    }

    @Test
    void minorThatIsNotABooleanIsRefused() {
        refused("minor_not_boolean").hasMessageContaining("field 'when.minor'").hasMessageContaining("true or false");
    }

    @Test
    void unknownCountryIsRefused() {
        refused("unknown_country")
                .hasMessageContaining("field 'when.countries'")
                .hasMessageContaining("'ZZ'");
    }

    @Test
    void missingLanguageIsRefused() {
        refused("missing_english")
                .hasMessageContaining("entry FR_PHAROS")
                .hasMessageContaining("field 'title.en'")
                .hasMessageContaining("missing");
    }

    @Test
    void unknownUrgencyIsRefused() {
        refused("unknown_urgency").hasMessageContaining("field 'urgency'").hasMessageContaining("'asap'");
    }

    @Test
    void interpolAsAContactIsRefused() {
        refused("interpol_contact").hasMessageContaining("entry FR_PHAROS").hasMessageContaining("INTERPOL");
    }

    @Test
    void checkedDateThatIsNotIsoIsRefused() {
        refused("bad_checked_date").hasMessageContaining("field 'checked'").hasMessageContaining("29/11/2026");
    }

    @Test
    void repeatedIdIsRefused() {
        refused("repeated_id").hasMessageContaining("entry FR_PHAROS").hasMessageContaining("repeated");
    }

    @Test
    void jurisdictionMustMatchItsFileName() {
        refused("jurisdiction_not_file_name").hasMessageContaining("'BE'").hasMessageContaining("fr.json");
    }

    @Test
    void aCountryServedByTwoTablesIsRefused() {
        String french = fixture("valid/fr.json");
        String alsoFrance = french.replace("\"FR\"", "\"BE\"")
                .replace("FR_PHAROS", "BE_PHAROS")
                .replace("\"countries\": [\n    \"BE\"\n  ]", "\"countries\": [\n    \"BE\",\n    \"FR\"\n  ]");
        assertThatThrownBy(() -> RoutingTables.parse(Map.of(
                        "universal.json",
                        fixture("valid/universal.json"),
                        "general.json",
                        fixture("valid/general.json"),
                        "fr.json",
                        french,
                        "be.json",
                        alsoFrance)))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageContaining("country FR is already served by");
    }

    @Test
    void setWithoutTheGeneralPathIsRefused() {
        assertThatThrownBy(() -> RoutingTables.parse(
                        Map.of("universal.json", fixture("valid/universal.json"), "fr.json", fixture("valid/fr.json"))))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageStartingWith("general.json")
                .hasMessageContaining("missing");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(String folder) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("orient/" + folder + "/fr.json", fixture(folder + "/fr.json"));
        return assertThatThrownBy(() -> RoutingTables.parse(files))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageStartingWith("orient/" + folder + "/fr.json: ");
    }

    static String fixture(String path) {
        try (InputStream in = RoutingTablesTest.class.getResourceAsStream("/orient/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture orient/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
