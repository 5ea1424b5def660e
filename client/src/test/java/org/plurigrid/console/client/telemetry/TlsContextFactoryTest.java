package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator reads when the TLS files are wrong: the file, the problem, never a password. */
class TlsContextFactoryTest {

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static TestPki.Issued client;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = TestPki.create(dir, "unit");
        client = pki.client("console-unit");
    }

    @Test
    void buildsAContextFromACaFileAndAPemKeyPair() throws Exception {
        TlsSettings s = TlsSettings.trusting(pki.caFile)
                .withClientIdentity(new TlsSettings.PemIdentity(client.certFile(), client.keyFile(), null));

        assertThat(TlsContextFactory.context(s).getProtocol()).isEqualTo("TLS");
        assertThat(TlsContextFactory.trustStore(pki.caFile).size()).isEqualTo(1);
    }

    @Test
    void namesAMissingOrUnparsableCaFile() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");

        assertThatThrownBy(() -> TlsContextFactory.context(TlsSettings.trusting(dir.resolve("absent.pem"))))
                .hasMessageContaining("CA file").hasMessageContaining("absent.pem").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TlsContextFactory.context(TlsSettings.trusting(garbage)))
                .hasMessageContaining("CA file").hasMessageContaining("garbage.pem");
    }

    @Test
    void saysWhenAnEncryptedKeyHasNoOrTheWrongPassword() throws Exception {
        Path encrypted = pki.encryptedKey(client, "right-Passw0rd".toCharArray());

        assertThatThrownBy(() -> TlsContextFactory.privateKey(encrypted, new char[0]))
                .hasMessageContaining("is encrypted but no key password is set");
        assertThatThrownBy(() -> TlsContextFactory.privateKey(encrypted, "wrong-guess".toCharArray()))
                .hasMessageContaining("cannot be decrypted").hasMessageNotContaining("wrong-guess");
        assertThat(TlsContextFactory.privateKey(encrypted, "right-Passw0rd".toCharArray()).getAlgorithm())
                .isIn("EC", "ECDSA");
    }

    @Test
    void saysWhenAPkcs12StoreCannotBeOpened() throws Exception {
        Path p12 = pki.pkcs12(client, "store-Passw0rd".toCharArray());
        TlsSettings wrong = TlsSettings.trusting(pki.caFile)
                .withClientIdentity(new TlsSettings.Pkcs12Identity(p12, "nope-Passw0rd".toCharArray()));

        assertThatThrownBy(() -> TlsContextFactory.context(wrong)).hasMessageContaining("PKCS#12 file")
                .hasMessageContaining(p12.getFileName().toString()).hasMessageNotContaining("nope-Passw0rd");
    }

    @Test
    void aKeyFileWithoutAKeyIsNamed() throws Exception {
        assertThatThrownBy(() -> TlsContextFactory.privateKey(client.certFile(), new char[0]))
                .hasMessageContaining("holds no private key");
    }
}
