package org.plurigrid.console.client.chain;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.util.List;
import org.plurigrid.console.client.chain.proto.cosmos.crypto.secp256k1.PubKey;
import org.plurigrid.console.client.chain.proto.cosmos.tx.signing.v1beta1.SignMode;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.AuthInfo;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.Fee;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.ModeInfo;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.SignDoc;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.SignerInfo;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxBody;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxRaw;
import org.plurigrid.console.client.wallet.SigningKey;

/**
 * Builds and signs Cosmos transactions in SIGN_MODE_DIRECT, without a node: body and auth info are serialized once,
 * the SignDoc binds them to chain-id and account number, and the TxRaw carries exactly the signed bytes.
 */
public final class TxSigner {

    /** Packs a message the way the SDK does: type URL "/" + full protobuf name. */
    public static Any pack(Message msg) {
        return Any.pack(msg, "");
    }

    public static byte[] bodyBytes(List<Any> messages, String memo) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("A transaction needs at least one message");
        }
        return TxBody.newBuilder().addAllMessages(messages).setMemo(memo == null ? "" : memo).build().toByteArray();
    }

    public static byte[] authInfoBytes(byte[] publicKey, long sequence, TxFee fee) {
        return authInfo(publicKey, sequence, Fee.newBuilder().addAmount(fee.amount().toProto()).setGasLimit(fee.gasLimit()).build());
    }

    private static byte[] authInfo(byte[] publicKey, long sequence, Fee fee) {
        return AuthInfo.newBuilder()
                .addSignerInfos(SignerInfo.newBuilder()
                        .setPublicKey(pack(PubKey.newBuilder().setKey(ByteString.copyFrom(publicKey)).build()))
                        .setModeInfo(ModeInfo.newBuilder().setSingle(ModeInfo.Single.newBuilder().setMode(SignMode.SIGN_MODE_DIRECT)))
                        .setSequence(sequence))
                .setFee(fee)
                .build().toByteArray();
    }

    public static byte[] signDocBytes(byte[] bodyBytes, byte[] authInfoBytes, String chainId, long accountNumber) {
        return SignDoc.newBuilder()
                .setBodyBytes(ByteString.copyFrom(bodyBytes))
                .setAuthInfoBytes(ByteString.copyFrom(authInfoBytes))
                .setChainId(chainId)
                .setAccountNumber(accountNumber)
                .build().toByteArray();
    }

    /** Signs already-serialized body and auth info; returns the TxRaw. */
    public static SignedTx sign(byte[] bodyBytes, byte[] authInfoBytes, SignerData signer, SigningKey key) {
        byte[] signature = key.sign(signDocBytes(bodyBytes, authInfoBytes, signer.chainId(), signer.accountNumber()));
        return new SignedTx(TxRaw.newBuilder()
                .setBodyBytes(ByteString.copyFrom(bodyBytes))
                .setAuthInfoBytes(ByteString.copyFrom(authInfoBytes))
                .addSignatures(ByteString.copyFrom(signature))
                .build());
    }

    /** Builds, then signs a single-signer transaction. */
    public static SignedTx sign(List<Any> messages, String memo, TxFee fee, SignerData signer, SigningKey key) {
        return sign(bodyBytes(messages, memo), authInfoBytes(key.publicKey(), signer.sequence(), fee), signer, key);
    }

    /** An unsigned TxRaw with an empty signature, as Simulate takes it (the node skips signature checks then). */
    static byte[] forSimulation(List<Any> messages, String memo, byte[] publicKey, long sequence) {
        return TxRaw.newBuilder()
                .setBodyBytes(ByteString.copyFrom(bodyBytes(messages, memo)))
                .setAuthInfoBytes(ByteString.copyFrom(authInfo(publicKey, sequence, Fee.getDefaultInstance())))
                .addSignatures(ByteString.EMPTY)
                .build().toByteArray();
    }

    private TxSigner() {
    }
}
