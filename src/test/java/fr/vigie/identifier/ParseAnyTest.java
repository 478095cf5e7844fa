package fr.vigie.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kind inferred from a bare value typed by an analyst. */
class ParseAnyTest {
    private final Identifiers identifiers = new Identifiers();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            FR76 3000 6000 0112 3456 7890 189                  | IBAN   | FR7630006000011234567890189
            0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed         | ETH    | 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed
            1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa                 | BTC    | 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa
            TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t                 | TRX    | TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t
            Jean.Dupont@Gmail.com                              | EMAIL  | jeandupont@gmail.com
            jean[at]gmail[.]com                                | EMAIL  | jean@gmail.com
            hxxps://secure-ameli[.]fr/login                    | URL    | https://secure-ameli.fr/login
            www.example.fr/path                                | URL    | http://www.example.fr/path
            2001:DB8:0:0::1                                    | IP     | 2001:db8::1
            4111 1111 1111 1111                                | CARD   | visa:411111******1111
            +33 (0)6.12.34.56.78                               | PHONE  | +33612345678
            1234567890                                         | MTCN   | 1234567890
            instagram:Lovely_Anna                              | HANDLE | instagram:lovely_anna
            pcs:X7K3-M9Q2-H4                                   | COUPON | pcs:X7K3M9Q2H4
            alias:Capitaine Martin                             | ALIAS  | capitaine martin
            Secure-Ameli.FR.                                   | DOMAIN | secure-ameli.fr
            """)
    void bareValueGetsItsKind(String value, Kind kind, String normalized) {
        assertThat(identifiers.parseAny(value)).hasValueSatisfying(identifier -> {
            assertThat(identifier.kind()).isEqualTo(kind);
            assertThat(identifier.normalized()).isEqualTo(normalized);
        });
    }

    @ParameterizedTest
    @CsvSource({"hello", "12", "'   '", "not an email@", "FR77 3000 6000 0112 3456 7890 189"})
    void valueOfNoKindIsEmpty(String value) {
        assertThat(identifiers.parseAny(value)).isEmpty();
    }
}
