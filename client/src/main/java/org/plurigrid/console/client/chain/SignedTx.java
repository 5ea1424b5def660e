package org.plurigrid.console.client.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxRaw;

/** A signed transaction as broadcast: the TxRaw bytes, and its hash as the chain reports it (SHA-256, upper hex). */
public record SignedTx(TxRaw raw) {

    public byte[] bytes() {
        return raw.toByteArray();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes());
    }

    public String hash() {
        return hashOf(bytes());
    }

    public static String hashOf(byte[] txBytes) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(txBytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
