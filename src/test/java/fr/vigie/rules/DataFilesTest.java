package fr.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.InvalidDataFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataFilesTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = DataFilesTest.class.getResourceAsStream("/lists/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void validListIsRead() throws IOException {
        WarningList list = DataFiles.parseList("valid.json", fixture("valid.json"));
        assertThat(list.name()).isEqualTo("test-list");
        assertThat(list.entries()).containsExactly("a.example", "b.example");
        assertThat(list.version()).isEqualTo(20261128L);
    }

    @ParameterizedTest
    @CsvSource({
        "unknown-field.json, unknown field 'colour'",
        "unsorted.json, out of order or repeated",
        "repeated.json, out of order or repeated",
        "bad-regex.json, not a valid regex",
        "bad-date.json, not an ISO date",
        "missing-type.json, field 'type' is required",
        "bad-cidr.json, not an address block in canonical form"
    })
    void invalidListIsRefusedNamingTheFileAndTheProblem(String file, String problem) throws IOException {
        String json = fixture(file);
        assertThatThrownBy(() -> DataFiles.parseList(file, json))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageStartingWith(file)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource({
        "1.1.1.1/32, true",
        "10.0.0.0/8, true",
        "2620:fe::fe/128, true",
        "1.1.1.1, false",
        "1.1.1.1/33, false",
        "2620:00fe::fe/128, false",
        "example.fr/8, false"
    })
    void cidrEntriesAreCanonicalAddressBlocks(String entry, boolean valid) {
        assertThat(DataFiles.isCidr(entry)).isEqualTo(valid);
    }

    @Test
    void brokenJsonIsRefusedWithItsLine() {
        assertThatThrownBy(() -> DataFiles.parseList("x.json", "{\n\"name\": }"))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageContaining("line 2");
    }
}
