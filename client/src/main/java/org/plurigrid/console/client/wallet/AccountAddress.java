package org.plurigrid.console.client.wallet;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * A Cosmos account address: 20 bytes (RIPEMD-160 of SHA-256 of the compressed secp256k1 public key) shown in
 * Bech32 under a chain's prefix ({@code cosmos1…}, {@code plurigrid1…}).
 */
public record AccountAddress(String prefix, byte[] bytes) {

    public AccountAddress {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("Address prefix is empty");
        }
        bytes = bytes.clone();
        if (bytes.length != 20 && bytes.length != 32) {
            throw new IllegalArgumentException("An address has 20 or 32 bytes, not " + bytes.length);
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The address of a 33-byte compressed secp256k1 public key. */
    public static AccountAddress ofPublicKey(String prefix, byte[] compressedPublicKey) {
        if (compressedPublicKey.length != 33) {
            throw new IllegalArgumentException("A compressed secp256k1 public key has 33 bytes, not " + compressedPublicKey.length);
        }
        byte[] sha;
        try {
            sha = MessageDigest.getInstance("SHA-256").digest(compressedPublicKey);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        RIPEMD160Digest ripemd = new RIPEMD160Digest();
        ripemd.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        ripemd.doFinal(out, 0);
        return new AccountAddress(prefix, out);
    }

    /**
     * Parses a Bech32 address and checks its prefix.
     *
     * @throws IllegalArgumentException with a message for the operator when the string is not an address of that chain
     */
    public static AccountAddress parse(String bech32, String expectedPrefix) {
        Bech32.Decoded d;
        try {
            d = Bech32.decode(bech32.strip());
        } catch (Bech32.Bech32Exception e) {
            throw new IllegalArgumentException("'" + bech32 + "' is not an address: " + e.getMessage(), e);
        }
        if (expectedPrefix != null && !d.hrp().equals(expectedPrefix)) {
            throw new IllegalArgumentException("'" + bech32 + "' has the prefix '" + d.hrp() + "' but this chain uses '"
                    + expectedPrefix + "': it is an address of another chain");
        }
        return new AccountAddress(d.hrp(), Bech32.decodeBytes(d));
    }

    /** Parses a Bech32 address of any prefix. */
    public static AccountAddress parse(String bech32) {
        return parse(bech32, null);
    }

    public String bech32() {
        return Bech32.encodeBytes(prefix, bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountAddress a && a.prefix.equals(prefix) && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return prefix.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bech32();
    }
}
