package fr.vigie.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The official BIP-173 and BIP-350 vectors, from src/test/resources/identifier/bech32-vectors.txt. */
class Bech32Test {
    private static final String FILE = "bech32-vectors.txt";

    static Stream<Arguments> rows(String list) {
        return Vectors.list(FILE, list).stream().map(row -> Arguments.of(row[1], row.length > 2 ? row[2] : ""));
    }

    static Stream<Arguments> validBech32() {
        return rows("valid-bech32");
    }

    static Stream<Arguments> validBech32m() {
        return rows("valid-bech32m");
    }

    static Stream<Arguments> invalidStrings() {
        return Stream.concat(rows("invalid-bech32"), rows("invalid-bech32m"));
    }

    static Stream<Arguments> validAddresses() {
        return rows("valid-address");
    }

    static Stream<Arguments> invalidAddresses() {
        return rows("invalid-address");
    }

    @ParameterizedTest
    @MethodSource("validBech32")
    void bech32VectorHasBech32Checksum(String value, String unused) {
        assertThat(Bech32.decode(value))
                .hasValueSatisfying(d -> assertThat(d.encoding()).isEqualTo(Bech32.Encoding.BECH32));
    }

    @ParameterizedTest
    @MethodSource("validBech32m")
    void bech32mVectorHasBech32mChecksum(String value, String unused) {
        assertThat(Bech32.decode(value))
                .hasValueSatisfying(d -> assertThat(d.encoding()).isEqualTo(Bech32.Encoding.BECH32M));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidStrings")
    void invalidVectorIsRefused(String value, String reason) {
        assertThat(Bech32.decode(value)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validAddresses")
    void validSegwitAddressDecodesToItsScript(String address, String scriptHex) {
        String hrp = address.substring(0, 2).toLowerCase(java.util.Locale.ROOT);
        var program = Bech32.decodeSegwit(hrp, address);
        assertThat(program).isPresent();
        int version = program.get().version();
        String opcode = String.format("%02x", version == 0 ? 0 : 0x50 + version);
        String push = String.format("%02x", program.get().program().length);
        assertThat(opcode + push + Vectors.hex(program.get().program())).isEqualTo(scriptHex);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidAddresses")
    void invalidSegwitAddressIsRefusedOnEveryNetwork(String address, String reason) {
        assertThat(Bech32.decodeSegwit("bc", address)).isEmpty();
        assertThat(Bech32.decodeSegwit("tb", address)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validAddresses")
    void mainNetworkVectorIsABitcoinAddressAndTestnetIsNot(String address, String unused) {
        assertThat(Btc.parse(address).isPresent()).isEqualTo(address.regionMatches(true, 0, "bc1", 0, 3));
    }
}
