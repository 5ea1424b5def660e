package org.plurigrid.console.devnet.chain;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/** Verifies Cosmos secp256k1 signatures as the SDK does: SHA-256 of the sign bytes, 64-byte r||s, low-S only. */
final class Secp256k1Verifier {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

    private Secp256k1Verifier() {
    }

    static boolean verify(byte[] compressedPubKey, byte[] message, byte[] signature) {
        if (signature.length != 64 || compressedPubKey.length != 33) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        if (s.compareTo(HALF_N) > 0 || r.signum() == 0 || s.signum() == 0) {
            return false; // the SDK refuses malleable high-S signatures
        }
        ECPoint q;
        try {
            q = CURVE.getCurve().decodePoint(compressedPubKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, new ECPublicKeyParameters(q, DOMAIN));
        return signer.verifySignature(sha256(message), r, s);
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
