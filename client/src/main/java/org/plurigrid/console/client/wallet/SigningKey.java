package org.plurigrid.console.client.wallet;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * An unlocked secp256k1 key held in memory for a session. Signs Cosmos SIGN_MODE_DIRECT bytes: SHA-256 of the
 * SignDoc, RFC 6979 deterministic, low-S, 64 bytes r||s. Its {@link #toString()} shows only the public side.
 */
public final class SigningKey {

    private final ECKeyPair keyPair;
    private final byte[] compressedPublicKey;

    private SigningKey(ECKeyPair keyPair) {
        this.keyPair = keyPair;
        this.compressedPublicKey = Sign.publicPointFromPrivate(keyPair.getPrivateKey()).getEncoded(true);
    }

    public static SigningKey of(ECKeyPair keyPair) {
        return new SigningKey(keyPair);
    }

    /** From a 32-byte private key (the keystore's plaintext). */
    public static SigningKey ofPrivateKey(byte[] privateKey) {
        if (privateKey.length != 32) {
            throw new IllegalArgumentException("A secp256k1 private key has 32 bytes");
        }
        return new SigningKey(ECKeyPair.create(new BigInteger(1, privateKey)));
    }

    /** 33-byte compressed public key, as carried in cosmos.crypto.secp256k1.PubKey. */
    public byte[] publicKey() {
        return compressedPublicKey.clone();
    }

    public AccountAddress address(String prefix) {
        return AccountAddress.ofPublicKey(prefix, compressedPublicKey);
    }

    /** Signs {@code message} (the SignDoc bytes): SHA-256, then ECDSA; returns r||s, each padded to 32 bytes. */
    public byte[] sign(byte[] message) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        // ECKeyPair.sign is what Sign.signMessage(hash, kp, false) uses inside (RFC 6979, low-S canonical form),
        // without the public-key recovery loop that only finds Ethereum's v: about three times faster, same r and s.
        ECDSASignature sig = keyPair.sign(hash);
        byte[] out = new byte[64];
        System.arraycopy(Numeric.toBytesPadded(sig.r, 32), 0, out, 0, 32);
        System.arraycopy(Numeric.toBytesPadded(sig.s, 32), 0, out, 32, 32);
        return out;
    }

    /** The 32-byte private key, for the keystore to encrypt; callers must clear the array. */
    byte[] privateKeyBytes() {
        return Numeric.toBytesPadded(keyPair.getPrivateKey(), 32);
    }

    @Override
    public String toString() {
        return "SigningKey[pubkey=" + Numeric.toHexStringNoPrefix(compressedPublicKey) + "]";
    }
}
