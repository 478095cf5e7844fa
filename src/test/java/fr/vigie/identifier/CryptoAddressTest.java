package fr.vigie.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CryptoAddressTest {
    static Stream<String> eip55() {
        return Vectors.read("eip55-vectors.txt").stream().map(row -> row[0]);
    }

    @ParameterizedTest
    @MethodSource("eip55")
    void eip55ExampleIsShownWithItsChecksum(String address) {
        Eth eth = Eth.parse(address).orElseThrow();
        assertThat(eth.normalized()).isEqualTo(address.toLowerCase(Locale.ROOT));
        assertThat(eth.display()).isEqualTo(address);
    }

    @Test
    void ethAddressWithBrokenMixedCaseChecksumIsRefused() {
        assertThat(Eth.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isPresent();
        assertThat(Eth.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).isEmpty();
    }

    @Test
    void ethAddressAllLowerOrAllUpperIsAccepted() {
        assertThat(Eth.parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isPresent();
        assertThat(Eth.parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")).isPresent();
    }

    @Test
    void ethAddressOfWrongLengthOrDigitsIsRefused() {
        assertThat(Eth.parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae")).isEmpty();
        assertThat(Eth.parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg")).isEmpty();
        assertThatThrownBy(() -> new Eth("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void base58BitcoinAddressesAreKeptAsWritten() {
        assertThat(Btc.parse("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"))
                .hasValue(new Btc("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Btc.Type.P2PKH));
        assertThat(Btc.parse("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy").map(Btc::type))
                .hasValue(Btc.Type.P2SH);
    }

    @Test
    void base58AddressWithOneCharacterChangedIsRefused() {
        assertThat(Btc.parse("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).isEmpty();
        assertThat(Btc.parse("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz")).isEmpty();
    }

    @Test
    void bech32AddressIsLowerCased() {
        assertThat(Btc.parse("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"))
                .hasValue(new Btc("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", Btc.Type.SEGWIT_V0));
    }

    @Test
    void bech32mAddressIsValid() {
        assertThat(Btc.parse("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")
                        .map(Btc::type))
                .hasValue(Btc.Type.TAPROOT);
    }

    @Test
    void testnetAddressIsNotABitcoinIdentifier() {
        assertThat(Btc.parse("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7"))
                .isEmpty();
    }

    @Test
    void tronAddressWithValidChecksumIsAccepted() {
        assertThat(Trx.parse(" TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t ").map(Trx::normalized))
                .hasValue("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    }

    @Test
    void tronAddressWithBadChecksumOrWrongVersionIsRefused() {
        assertThat(Trx.parse("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")).isEmpty();
        assertThat(Trx.parse("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isEmpty();
    }
}
