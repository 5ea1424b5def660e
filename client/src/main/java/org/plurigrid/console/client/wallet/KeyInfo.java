package org.plurigrid.console.client.wallet;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The public face of a keystore entry: name, address and, for keys we can sign with, the compressed public key and
 * HD path. Watch-only entries have only the address.
 */
public record KeyInfo(String name, AccountAddress address, Optional<byte[]> publicKey, Optional<String> hdPath) {

    public KeyInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        publicKey = publicKey.map(byte[]::clone);
        Objects.requireNonNull(hdPath, "hdPath");
    }

    public boolean watchOnly() {
        return publicKey.isEmpty();
    }

    public Optional<String> publicKeyHex() {
        return publicKey.map(HexFormat.of()::formatHex);
    }

    @Override
    public Optional<byte[]> publicKey() {
        return publicKey.map(byte[]::clone);
    }
}
