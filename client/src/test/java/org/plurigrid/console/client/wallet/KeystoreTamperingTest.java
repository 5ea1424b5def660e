package org.plurigrid.console.client.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Key files are data: hostile parameters, a swapped address or a broken file are refused by name, never trusted. */
class KeystoreTamperingTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Keystore keystore() {
        return new Keystore(home, KdfStrength.LIGHT, new SecureRandom());
    }

    private Path edit(String name, java.util.function.Consumer<ObjectNode> change) throws Exception {
        Path f = home.resolve("keys").resolve(name + ".json");
        ObjectNode node = (ObjectNode) JSON.readTree(f.toFile());
        change.accept(node);
        Files.writeString(f, node.toString());
        return f;
    }

    @Test
    void aHugeScryptCostIsRefusedBeforeAnyMemoryIsAllocated() throws Exception {
        keystore().create("alice", PASSWORD.clone(), HdPath.cosmos(0), "cosmos");
        Path f = edit("alice", n -> ((ObjectNode) n.get("crypto").get("kdfparams")).put("n", 1 << 25));

        long start = System.nanoTime();
        assertThatThrownBy(() -> keystore().unlock("alice", PASSWORD.clone())).isInstanceOf(KeystoreException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("kdfparams.n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void scryptParametersOutsideTheirBoundsAreRefused() throws Exception {
        keystore().create("alice", PASSWORD.clone(), HdPath.cosmos(0), "cosmos");
        edit("alice", n -> ((ObjectNode) n.get("crypto").get("kdfparams")).put("n", 3000));
        assertThatThrownBy(() -> keystore().unlock("alice", PASSWORD.clone())).hasMessageContaining("power of two");

        edit("alice", n -> ((ObjectNode) n.get("crypto").get("kdfparams")).put("n", 4096).put("r", 1_000_000));
        assertThatThrownBy(() -> keystore().unlock("alice", PASSWORD.clone())).hasMessageContaining("kdfparams.r");

        edit("alice", n -> ((ObjectNode) n.get("crypto").get("kdfparams")).put("r", 8).put("dklen", 1 << 30));
        assertThatThrownBy(() -> keystore().unlock("alice", PASSWORD.clone())).hasMessageContaining("kdfparams.dklen");

        edit("alice", n -> ((ObjectNode) n.get("crypto").get("kdfparams")).put("n", 1 << 20).put("dklen", 32));
        assertThatThrownBy(() -> keystore().unlock("alice", PASSWORD.clone())).hasMessageContaining("MiB");
    }

    @Test
    void aTamperedAddressIsNeitherShownNorUsed() throws Exception {
        Keystore ks = keystore();
        KeyInfo alice = ks.create("alice", PASSWORD.clone(), HdPath.cosmos(0), "cosmos").info();
        KeyInfo bob = ks.create("bob", PASSWORD.clone(), HdPath.cosmos(0), "cosmos").info();
        edit("alice", n -> n.put("address", bob.address().bech32()));

        Keystore.Listing listing = ks.scan();
        assertThat(listing.keys()).extracting(KeyInfo::name).containsExactly("bob");
        assertThat(listing.problems()).singleElement().asString().contains("alice.json")
                .contains("does not belong to its public key");
        assertThatThrownBy(() -> ks.show("alice")).hasMessageContaining("does not belong to its public key");
        assertThatThrownBy(() -> ks.unlock("alice", PASSWORD.clone())).hasMessageContaining("does not belong");
        assertThat(alice.address()).isNotEqualTo(bob.address());
    }

    @Test
    void anAddressAndPublicKeySwappedTogetherAreCaughtWhenTheKeyIsDecrypted() throws Exception {
        Keystore ks = keystore();
        ks.create("alice", PASSWORD.clone(), HdPath.cosmos(0), "cosmos");
        KeyInfo bob = ks.create("bob", PASSWORD.clone(), HdPath.cosmos(0), "cosmos").info();
        edit("alice", n -> n.put("address", bob.address().bech32()).put("pubkey", bob.publicKeyHex().orElseThrow()));

        assertThatThrownBy(() -> ks.unlock("alice", PASSWORD.clone())).isInstanceOf(KeystoreException.class)
                .hasMessageContaining("alice.json").hasMessageContaining("refusing to use it");
    }

    @Test
    void aCorruptFileIsReportedByNameWhileTheOtherKeysStayUsable() throws Exception {
        Keystore ks = keystore();
        ks.create("alice", PASSWORD.clone(), HdPath.cosmos(0), "cosmos");
        ks.addWatchOnly("treasury", AccountAddress.parse(WalletVectorsTest.DEFAULT_ADDRESS));
        Files.writeString(home.resolve("keys/broken.json"), "{\"name\": \"broken\", \"address\": ");
        Files.writeString(home.resolve("keys/deep.json"), "[".repeat(10_000));

        Keystore.Listing listing = ks.scan();

        assertThat(listing.keys()).extracting(KeyInfo::name).containsExactly("alice", "treasury");
        assertThat(listing.problems()).hasSize(2);
        assertThat(listing.problems().get(0)).contains("broken.json");
        assertThat(listing.problems().get(1)).contains("deep.json").contains("nested more than");
        assertThat(ks.list()).hasSize(2);
        assertThat(ks.unlock("alice", PASSWORD.clone())).isNotNull();
    }

    @Test
    void keysFolderIsPrivateAndKeyFilesOwnerOnly() throws Exception {
        keystore().create("alice", PASSWORD.clone(), HdPath.cosmos(0), "cosmos");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("keys")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("keys/alice.json"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(home.resolve("keys"))) {
            assertThat(files).hasSize(1);
        }
    }
}
