package org.plurigrid.console.client.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Test vectors from BIP-173 (https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki#test-vectors). */
class Bech32Test {

    @ParameterizedTest
    @ValueSource(strings = {
        "A12UEL5L",
        "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "?1ezyfcl"})
    void decodesAndReEncodesBip173ValidStrings(String valid) {
        Bech32.Decoded d = Bech32.decode(valid);
        assertThat(Bech32.encode(d.hrp(), d.data())).isEqualToIgnoringCase(valid);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\u00201nwldj5",      // HRP character out of range
        "\u007f1axkwrx",      // HRP character out of range
        "\u00801eym55h",      // HRP character out of range
        "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx", // too long
        "pzry9x0s0muk",       // no separator
        "1pzry9x0s0muk",      // empty HRP
        "x1b4n0q5v",          // invalid data character
        "li1dgmt3",           // too short checksum
        "de1lg7wt\u00ff",     // invalid character in checksum
        "A1G7SGD8",           // checksum calculated with upper-case HRP
        "10a06t8",            // empty HRP
        "1qzzfhee"})          // empty HRP
    void rejectsBip173InvalidStrings(String invalid) {
        assertThatThrownBy(() -> Bech32.decode(invalid)).isInstanceOf(Bech32.Bech32Exception.class);
    }

    @Test
    void encodesBytesOfTheBip173AbcdefVector() {
        // "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw" carries the 5-bit words 0..31 = bytes 00443214c7...
        byte[] bytes = HexFormat.of().parseHex("00443214c74254b635cf84653a56d7c675be77df");
        assertThat(Bech32.encodeBytes("abcdef", bytes)).isEqualTo("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");
    }

    @Test
    void rejectsMixedCase() {
        assertThatThrownBy(() -> Bech32.decode("A12uEL5L")).hasMessageContaining("mixes upper and lower case");
    }
}
