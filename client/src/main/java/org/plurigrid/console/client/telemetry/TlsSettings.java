package org.plurigrid.console.client.telemetry;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS for one broker: which certificate authorities to trust and, optionally, the console's own client certificate.
 *
 * @param caFile               PEM file with one or more CA certificates; empty = the JVM's default trust store
 * @param clientIdentity       the client certificate and key, when the broker requires one
 * @param verifyHostname       check that the broker's certificate names the host of the server URI (keep on)
 */
public record TlsSettings(Optional<Path> caFile, Optional<ClientIdentity> clientIdentity, boolean verifyHostname) {

    public TlsSettings {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(clientIdentity, "clientIdentity");
    }

    /** Trust only the CAs in this PEM file, no client certificate, host name checked. */
    public static TlsSettings trusting(Path caFile) {
        return new TlsSettings(Optional.of(caFile), Optional.empty(), true);
    }

    /** The JVM's default trust store, no client certificate, host name checked. */
    public static TlsSettings systemDefaults() {
        return new TlsSettings(Optional.empty(), Optional.empty(), true);
    }

    public TlsSettings withClientIdentity(ClientIdentity identity) {
        return new TlsSettings(caFile, Optional.of(identity), verifyHostname);
    }

    public TlsSettings withVerifyHostname(boolean verify) {
        return new TlsSettings(caFile, clientIdentity, verify);
    }

    /** The console's client certificate with its private key, in one of the two usual packagings. */
    public sealed interface ClientIdentity permits PemIdentity, Pkcs12Identity {
    }

    /**
     * A PEM certificate (chain) and a PEM private key (PKCS#1, PKCS#8 or SEC1; encrypted or not).
     *
     * @param keyPassword password of an encrypted key, empty for none; never logged
     */
    public record PemIdentity(Path certificateFile, Path keyFile, char[] keyPassword) implements ClientIdentity {
        public PemIdentity {
            Objects.requireNonNull(certificateFile, "certificateFile");
            Objects.requireNonNull(keyFile, "keyFile");
            keyPassword = keyPassword == null ? new char[0] : keyPassword.clone();
        }

        @Override
        public char[] keyPassword() {
            return keyPassword.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PemIdentity p && certificateFile.equals(p.certificateFile) && keyFile.equals(p.keyFile)
                    && Arrays.equals(keyPassword, p.keyPassword);
        }

        @Override
        public int hashCode() {
            return Objects.hash(certificateFile, keyFile);
        }

        @Override
        public String toString() {
            return "PemIdentity[certificateFile=" + certificateFile + ", keyFile=" + keyFile + ", keyPassword="
                    + (keyPassword.length > 0 ? "<set>" : "<none>") + "]";
        }
    }

    /**
     * A PKCS#12 (.p12/.pfx) store holding the client key and certificate chain.
     *
     * @param password store (and key) password; never logged
     */
    public record Pkcs12Identity(Path file, char[] password) implements ClientIdentity {
        public Pkcs12Identity {
            Objects.requireNonNull(file, "file");
            password = password == null ? new char[0] : password.clone();
        }

        @Override
        public char[] password() {
            return password.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pkcs12Identity p && file.equals(p.file) && Arrays.equals(password, p.password);
        }

        @Override
        public int hashCode() {
            return file.hashCode();
        }

        @Override
        public String toString() {
            return "Pkcs12Identity[file=" + file + ", password=" + (password.length > 0 ? "<set>" : "<none>") + "]";
        }
    }
}
