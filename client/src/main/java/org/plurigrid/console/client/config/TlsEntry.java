package org.plurigrid.console.client.config;

import java.util.Objects;

/**
 * The {@code tls} object of one broker as written in {@code console.json}: paths as the operator wrote them (relative
 * to the home folder or absolute), empty for absent.
 *
 * @param caFile            PEM CA file; empty = the JVM trust store
 * @param clientCertificate PEM client certificate (with {@code clientKey})
 * @param clientKey         PEM private key (with {@code clientCertificate})
 * @param pkcs12            instead of the PEM pair: a .p12/.pfx store
 * @param keyPassword       {@code clientKeyPassword} for the PEM key or {@code pkcs12Password} for the store
 * @param verifyHostname    check the broker certificate names the URI's host
 */
public record TlsEntry(String caFile, String clientCertificate, String clientKey, String pkcs12,
                       StoredSecret keyPassword, boolean verifyHostname) {

    public TlsEntry {
        caFile = caFile == null ? "" : caFile.strip();
        clientCertificate = clientCertificate == null ? "" : clientCertificate.strip();
        clientKey = clientKey == null ? "" : clientKey.strip();
        pkcs12 = pkcs12 == null ? "" : pkcs12.strip();
        Objects.requireNonNull(keyPassword, "keyPassword");
        boolean pem = !clientCertificate.isEmpty() || !clientKey.isEmpty();
        if (pem && !pkcs12.isEmpty()) {
            throw new IllegalArgumentException("give either a client certificate + key (PEM) or a PKCS#12 file, not both");
        }
        if (pem && (clientCertificate.isEmpty() || clientKey.isEmpty())) {
            throw new IllegalArgumentException(clientCertificate.isEmpty()
                    ? "client certificate is missing; a PEM client identity needs both certificate and key"
                    : "client key is missing; a PEM client identity needs both certificate and key");
        }
        if (!pem && pkcs12.isEmpty() && !(keyPassword instanceof StoredSecret.None)) {
            throw new IllegalArgumentException("key password given without a client certificate + key or PKCS#12 file");
        }
    }

    public boolean hasPemIdentity() {
        return !clientCertificate.isEmpty();
    }

    public boolean hasPkcs12Identity() {
        return !pkcs12.isEmpty();
    }
}
