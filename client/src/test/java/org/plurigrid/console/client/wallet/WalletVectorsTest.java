package org.plurigrid.console.client.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Key derivation and addresses against values published by cosmjs:
 * <ul>
 * <li>{@code packages/proto-signing/src/testutils.spec.ts} — the "faucet" account (made with a real simd);</li>
 * <li>{@code packages/proto-signing/src/directsecp256k1hdwallet.spec.ts} / {@code wallet.spec.ts} — the default
 * test wallet "special sign fit …", m/44'/118'/0'/0/0.</li>
 * </ul>
 */
class WalletVectorsTest {

    static final String FAUCET_MNEMONIC = "economy stock theory fatal elder harbor betray wasp final emotion task crumble "
            + "siren bottom lizard educate guess current outdoor pair theory focus wife stone";
    static final String FAUCET_PUBKEY_B64 = "A08EGB7ro1ORuFhjOnZcSgwYlpe0DSFjVNUIkNNQxwKQ";
    static final String FAUCET_ADDRESS = "cosmos1pkptre7fdkl6gfrzlesjjvhxhlc3r4gmmk8rs6";

    static final String DEFAULT_MNEMONIC = "special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling";
    static final String DEFAULT_PUBKEY = "02baa4ef93f2ce84592a49b1d729c074eab640112522a7a89f7d03ebab21ded7b6";
    static final String DEFAULT_ADDRESS = "cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5";

    @Test
    void derivesCosmjsFaucetKeyAndAddress() {
        SigningKey key = Mnemonic.parse(FAUCET_MNEMONIC).deriveKey(HdPath.cosmos(0));
        assertThat(Base64.getEncoder().encodeToString(key.publicKey())).isEqualTo(FAUCET_PUBKEY_B64);
        assertThat(key.address("cosmos").bech32()).isEqualTo(FAUCET_ADDRESS);
    }

    @Test
    void derivesCosmjsDefaultWalletKeyAndAddress() {
        SigningKey key = Mnemonic.parse(DEFAULT_MNEMONIC).deriveKey(HdPath.cosmos(0));
        assertThat(HexFormat.of().formatHex(key.publicKey())).isEqualTo(DEFAULT_PUBKEY);
        assertThat(key.address("cosmos").bech32()).isEqualTo(DEFAULT_ADDRESS);
    }

    @Test
    void writesTheSameAccountUnderAnotherPrefix() {
        AccountAddress a = AccountAddress.parse(FAUCET_ADDRESS, "cosmos");
        AccountAddress other = new AccountAddress("plurigrid", a.bytes());
        assertThat(AccountAddress.parse(other.bech32(), "plurigrid").bytes()).isEqualTo(a.bytes());
    }

    @Test
    void rejectsAnAddressOfAnotherChain() {
        assertThatThrownBy(() -> AccountAddress.parse(FAUCET_ADDRESS, "plurigrid"))
                .hasMessageContaining("prefix 'cosmos' but this chain uses 'plurigrid'");
    }

    @Test
    void derivesDifferentAddressesForDifferentIndexes() {
        Mnemonic m = Mnemonic.parse(DEFAULT_MNEMONIC);
        assertThat(m.deriveKey(HdPath.cosmos(1)).address("cosmos"))
                .isNotEqualTo(m.deriveKey(HdPath.cosmos(0)).address("cosmos"));
        assertThat(HdPath.cosmos(3)).hasToString("m/44'/118'/0'/0/3");
    }

    @Test
    void rejectsPhraseWithWrongChecksumWithoutEchoingIt() {
        String swapped = DEFAULT_MNEMONIC.replace("special sign", "sign special");
        assertThatThrownBy(() -> Mnemonic.parse(swapped))
                .isInstanceOf(Mnemonic.InvalidMnemonicException.class)
                .hasMessageContaining("checksum")
                .hasMessageNotContaining("special").hasMessageNotContaining("sign ");
    }

    @Test
    void rejectsUnknownWordByPosition() {
        assertThatThrownBy(() -> Mnemonic.parse(DEFAULT_MNEMONIC.replace("radar", "radix")))
                .hasMessage("Word 10 of the recovery phrase is not in the BIP-39 English word list");
    }

    @Test
    void rejectsWrongWordCount() {
        assertThatThrownBy(() -> Mnemonic.parse("special sign fit")).hasMessageContaining("has 3 words");
    }

    @Test
    void generatesValidPhrasesThatNeverPrintThemselves() {
        Mnemonic m = Mnemonic.generate(new SecureRandom(), 24);
        assertThat(Mnemonic.parse(m.reveal()).reveal()).isEqualTo(m.reveal());
        assertThat(m.toString()).doesNotContain(m.reveal().split(" ")[0] + " ").contains("redacted");
    }
}
