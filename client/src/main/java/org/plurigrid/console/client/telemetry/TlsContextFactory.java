package org.plurigrid.console.client.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Builds the {@link SSLSocketFactory} for a broker from {@link TlsSettings}: PEM CA certificates become the trust
 * store, a PEM key pair or a PKCS#12 store the key store. Failures name the file and what was wrong with it, never a
 * password.
 */
public final class TlsContextFactory {

    private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

    private TlsContextFactory() {
    }

    public static SSLSocketFactory socketFactory(TlsSettings settings) throws TlsSetupException {
        return context(settings).getSocketFactory();
    }

    public static SSLContext context(TlsSettings settings) throws TlsSetupException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (settings.caFile().isPresent()) {
                tmf.init(trustStore(settings.caFile().get()));
            } else {
                tmf.init((KeyStore) null);
            }
            KeyManagerFactory kmf = null;
            if (settings.clientIdentity().isPresent()) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                switch (settings.clientIdentity().get()) {
                    case TlsSettings.PemIdentity pem -> kmf.init(pemKeyStore(pem), IN_MEMORY_PASSWORD);
                    case TlsSettings.Pkcs12Identity p12 -> {
                        char[] pw = p12.password();
                        try {
                            kmf.init(pkcs12(p12.file(), pw), pw);
                        } finally {
                            Arrays.fill(pw, '\0');
                        }
                    }
                }
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    static KeyStore trustStore(Path caFile) throws TlsSetupException {
        Collection<? extends Certificate> certs = certificates(caFile, "CA file");
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("CA file " + caFile + ": cannot build a trust store: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> certificates(Path file, String what) throws TlsSetupException {
        requireReadable(file, what);
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new TlsSetupException(what + " " + file + " holds no certificate (expected PEM "
                        + "'-----BEGIN CERTIFICATE-----' blocks)", null);
            }
            return certs;
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(what + " " + file + " is not a PEM/DER X.509 certificate file: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new TlsSetupException(what + " " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static KeyStore pemKeyStore(TlsSettings.PemIdentity pem) throws TlsSetupException {
        Certificate[] chain = certificates(pem.certificateFile(), "client certificate file").toArray(Certificate[]::new);
        PrivateKey key = privateKey(pem.keyFile(), pem.keyPassword());
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("client key " + pem.keyFile() + " does not fit certificate "
                    + pem.certificateFile() + ": " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path keyFile, char[] password) throws TlsSetupException {
        requireReadable(keyFile, "client key file");
        try (Reader r = Files.newBufferedReader(keyFile); PEMParser parser = new PEMParser(r)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            Object o;
            while ((o = parser.readObject()) != null) {
                switch (o) {
                    case PEMKeyPair kp -> {
                        return converter.getPrivateKey(kp.getPrivateKeyInfo());
                    }
                    case PrivateKeyInfo info -> {
                        return converter.getPrivateKey(info);
                    }
                    case PEMEncryptedKeyPair enc -> {
                        requirePassword(keyFile, password);
                        return converter.getKeyPair(enc.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                                .setProvider(bouncyCastle()).build(password))).getPrivate();
                    }
                    case PKCS8EncryptedPrivateKeyInfo enc -> {
                        requirePassword(keyFile, password);
                        return converter.getPrivateKey(enc.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(bouncyCastle()).build(password)));
                    }
                    default -> {
                        // e.g. EC parameters before the key: keep reading
                    }
                }
            }
            throw new TlsSetupException("client key file " + keyFile + " holds no private key (expected a PEM "
                    + "'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY' block)", null);
        } catch (PKCSException | OperatorCreationException | org.bouncycastle.openssl.EncryptionException e) {
            throw new TlsSetupException("client key file " + keyFile + " cannot be decrypted (wrong key password?)",
                    e);
        } catch (PEMException e) {
            throw new TlsSetupException("client key file " + keyFile + " is not a usable PEM private key: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new TlsSetupException("client key file " + keyFile + " cannot be read: " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static KeyStore pkcs12(Path file, char[] password) throws TlsSetupException {
        requireReadable(file, "PKCS#12 file");
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException e) {
            // The JDK reports a wrong password as an IOException with an UnrecoverableKeyException cause.
            throw new TlsSetupException("PKCS#12 file " + file + " cannot be opened (wrong password or not a "
                    + "PKCS#12 store)", e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("PKCS#12 file " + file + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** A provider instance for OpenSSL's key encryption schemes (AES/CBC/PKCS7Padding); never registered globally. */
    private static java.security.Provider bouncyCastle() {
        return new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }

    private static void requireReadable(Path file, String what) throws TlsSetupException {
        if (!Files.isRegularFile(file)) {
            throw new TlsSetupException(what + " " + file + " does not exist or is not a file", null);
        }
        if (!Files.isReadable(file)) {
            throw new TlsSetupException(what + " " + file + " is not readable by this user", null);
        }
    }

    private static void requirePassword(Path keyFile, char[] password) throws TlsSetupException {
        if (password.length == 0) {
            throw new TlsSetupException("client key file " + keyFile + " is encrypted but no key password is set",
                    null);
        }
    }

    /** TLS cannot be set up from the given files; the message names the file and is safe to show. */
    public static final class TlsSetupException extends Exception {
        public TlsSetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
