package org.plurigrid.console.client.telemetry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away certificate authority for TLS tests: a CA, server certificates and client certificates as files. */
final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    final Path dir;
    final Path caFile;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestPki(Path dir, KeyPair caKeys, X509Certificate ca, Path caFile) {
        this.dir = dir;
        this.caKeys = caKeys;
        this.ca = ca;
        this.caFile = caFile;
    }

    static TestPki create(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        KeyPair keys = keyPair();
        X500Name subject = new X500Name("CN=" + name + " test CA");
        var builder = new JcaX509v3CertificateBuilder(subject, serial(), notBefore(), notAfter(), subject,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate cert = sign(builder, keys);
        Path caFile = dir.resolve(name + "-ca.pem");
        writePem(caFile, cert);
        return new TestPki(dir, keys, cert, caFile);
    }

    /** A server certificate for the given IP address and/or DNS names: {@code <name>.pem} and {@code <name>.key}. */
    Issued server(String name, String ip, String... dnsNames) throws Exception {
        GeneralName[] names = new GeneralName[dnsNames.length + (ip == null ? 0 : 1)];
        int i = 0;
        if (ip != null) {
            names[i++] = new GeneralName(GeneralName.iPAddress, ip);
        }
        for (String dns : dnsNames) {
            names[i++] = new GeneralName(GeneralName.dNSName, dns);
        }
        return issue(name, KeyPurposeId.id_kp_serverAuth, new GeneralNames(names));
    }

    Issued client(String name) throws Exception {
        return issue(name, KeyPurposeId.id_kp_clientAuth, null);
    }

    private Issued issue(String name, KeyPurposeId purpose, GeneralNames altNames) throws Exception {
        KeyPair keys = keyPair();
        var builder = new JcaX509v3CertificateBuilder(ca, serial(), notBefore(), notAfter(),
                new X500Name("CN=" + name), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        if (altNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, altNames);
        }
        X509Certificate cert = sign(builder, caKeys);
        Path certFile = dir.resolve(name + ".pem");
        Path keyFile = dir.resolve(name + ".key");
        writePem(certFile, cert);
        if (purpose == KeyPurposeId.id_kp_serverAuth) {
            writePem(keyFile, new JcaPKCS8Generator(keys.getPrivate(), null)); // "PRIVATE KEY"
        } else {
            // SEC1 "EC PRIVATE KEY", as `openssl ecparam -genkey` writes it
            var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
            byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                    ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS(),
                    info.getPrivateKeyAlgorithm().getParameters()).getEncoded();
            writePem(keyFile, new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1));
        }
        return new Issued(certFile, keyFile, cert, keys);
    }

    /** The key as an encrypted PKCS#8 PEM ({@code ENCRYPTED PRIVATE KEY}). */
    Path encryptedKey(Issued issued, char[] password) throws Exception {
        Path file = dir.resolve(issued.certFile.getFileName() + ".enc.key");
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword(password).build();
        try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new JcaPKCS8Generator(issued.keys.getPrivate(), encryptor));
        }
        return file;
    }

    Path pkcs12(Issued issued, char[] password) throws Exception {
        Path file = dir.resolve(issued.certFile.getFileName() + ".p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", issued.keys.getPrivate(), password, new X509Certificate[] {issued.cert, ca});
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
        return file;
    }

    record Issued(Path certFile, Path keyFile, X509Certificate cert, KeyPair keys) {
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer) throws Exception {
        var contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }

    private static void writePem(Path file, Object o) throws IOException {
        try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(1, ChronoUnit.HOURS));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(1, ChronoUnit.DAYS));
    }
}
