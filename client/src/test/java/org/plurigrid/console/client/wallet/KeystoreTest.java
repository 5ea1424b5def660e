package org.plurigrid.console.client.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {

    @TempDir
    Path home;

    private Keystore keystore() {
        return new Keystore(home, KdfStrength.LIGHT, new SecureRandom());
    }

    @Test
    void importedKeyUnlocksWithItsPasswordAndSignsAsTheDerivedKey() {
        Keystore ks = keystore();
        Mnemonic m = Mnemonic.parse(WalletVectorsTest.DEFAULT_MNEMONIC);
        KeyInfo info = ks.importMnemonic("alice", m, "correct horse".toCharArray(), HdPath.cosmos(0), "cosmos");

        assertThat(info.address().bech32()).isEqualTo(WalletVectorsTest.DEFAULT_ADDRESS);
        SigningKey key = ks.unlock("alice", "correct horse".toCharArray());
        assertThat(key.sign(new byte[] {1, 2, 3})).isEqualTo(m.deriveKey(HdPath.cosmos(0)).sign(new byte[] {1, 2, 3}));
    }

    @Test
    void wrongPasswordIsATypedErrorNamingTheKey() {
        Keystore ks = keystore();
        ks.create("bob", "correct horse".toCharArray(), HdPath.cosmos(0), "cosmos");
        assertThatThrownBy(() -> ks.unlock("bob", "battery staple".toCharArray()))
                .isInstanceOf(KeystoreException.WrongPasswordException.class)
                .hasMessage("Wrong password for key 'bob'");
    }

    @Test
    void keyFileHoldsNeitherPhraseNorPlainKey() throws Exception {
        Keystore ks = keystore();
        Keystore.NewKey created = ks.create("carol", "correct horse".toCharArray(), HdPath.cosmos(2), "cosmos");
        String file = Files.readString(ks.directory().resolve("carol.json"));
        assertThat(file).doesNotContain(created.mnemonic().reveal().split(" ")[0] + " "
                + created.mnemonic().reveal().split(" ")[1]);
        assertThat(file).contains("\"kdf\" : \"scrypt\"").contains(created.info().address().bech32())
                .contains("m/44'/118'/0'/0/2");
    }

    @Test
    void clearsThePasswordArrayAfterUse() {
        char[] pw = "correct horse".toCharArray();
        keystore().create("dave", pw, HdPath.cosmos(0), "cosmos");
        assertThat(new String(pw)).isEqualTo("\0".repeat(13));
    }

    @Test
    void listsKeysAndWatchOnlyAccounts() {
        Keystore ks = keystore();
        ks.importMnemonic("alice", Mnemonic.parse(WalletVectorsTest.DEFAULT_MNEMONIC), "correct horse".toCharArray(),
                HdPath.cosmos(0), "cosmos");
        ks.addWatchOnly("faucet", AccountAddress.parse(WalletVectorsTest.FAUCET_ADDRESS));

        assertThat(ks.list()).extracting(KeyInfo::name, KeyInfo::watchOnly)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", false), org.assertj.core.groups.Tuple.tuple("faucet", true));
        assertThatThrownBy(() -> ks.unlock("faucet", "whatever1".toCharArray())).hasMessageContaining("watch-only");
    }

    @Test
    void refusesDuplicateAndUnknownNames() {
        Keystore ks = keystore();
        ks.addWatchOnly("faucet", AccountAddress.parse(WalletVectorsTest.FAUCET_ADDRESS));
        assertThatThrownBy(() -> ks.addWatchOnly("faucet", AccountAddress.parse(WalletVectorsTest.FAUCET_ADDRESS)))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> ks.show("nobody")).hasMessageContaining("No key named 'nobody'");
        assertThatThrownBy(() -> ks.show("../etc/passwd")).hasMessageContaining("not a usable key name");
    }
}
