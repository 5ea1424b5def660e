package org.plurigrid.console.devnet.chain;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.proto.cosmos.base.v1beta1.Coin;
import org.plurigrid.console.client.chain.proto.cosmos.crypto.secp256k1.PubKey;
import org.plurigrid.console.client.chain.proto.cosmos.tx.signing.v1beta1.SignMode;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.AuthInfo;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.Fee;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.SignerInfo;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxBody;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxRaw;
import org.plurigrid.console.client.wallet.AccountAddress;

/**
 * The checks a real Cosmos SDK node makes before it runs a transaction's messages: decoding (one SIGN_MODE_DIRECT
 * secp256k1 signer, known message types), then the ante chain (gas limit, account, fee, sequence, signature over the
 * SignDoc). Keeps the sequence CheckTx expects next while transactions wait in the mempool. Called under
 * {@link ChainState}'s lock.
 */
final class AnteHandler {

    static final long MAX_BLOCK_GAS = 10_000_000;

    /** Simulate skips signature and fee checks; CheckTx counts the mempool's sequences; DeliverTx the committed ones. */
    enum Mode { SIMULATE, CHECK, DELIVER }

    record Decoded(TxRaw raw, TxBody body, AuthInfo authInfo, byte[] pubKey, String signer, long sequence, Fee fee,
                   byte[] signature) {
    }

    private final DevnetChain.Options options;
    private final BankState bank;
    private final MessageRoutes routes;
    /** Next sequence per account as CheckTx sees it: committed sequence plus pending transactions. */
    private final Map<String, Long> checkSequence = new HashMap<>();

    AnteHandler(DevnetChain.Options options, BankState bank, MessageRoutes routes) {
        this.options = options;
        this.bank = bank;
        this.routes = routes;
    }

    /** A transaction entered the mempool: CheckTx expects its signer's next sequence from now on. */
    void admitted(Decoded tx) {
        checkSequence.put(tx.signer(), tx.sequence() + 1);
    }

    /** The block committed the mempool: CheckTx goes back to the committed sequences. */
    void committed() {
        checkSequence.clear();
    }

    Decoded decode(byte[] txBytes) throws TxFailure {
        try {
            TxRaw raw = TxRaw.parseFrom(txBytes);
            TxBody body = TxBody.parseFrom(raw.getBodyBytes());
            AuthInfo auth = AuthInfo.parseFrom(raw.getAuthInfoBytes());
            if (body.getMessagesCount() == 0) {
                throw TxFailure.sdk(TxFailure.INVALID_REQUEST, "must contain at least one message: invalid request");
            }
            if (auth.getSignerInfosCount() != 1 || raw.getSignaturesCount() != 1) {
                throw TxFailure.sdk(TxFailure.UNAUTHORIZED, "wrong number of signers; expected 1, got "
                        + raw.getSignaturesCount() + ": unauthorized");
            }
            SignerInfo si = auth.getSignerInfos(0);
            if (si.getModeInfo().getSingle().getMode() != SignMode.SIGN_MODE_DIRECT) {
                throw TxFailure.sdk(TxFailure.UNAUTHORIZED, "this devnet accepts SIGN_MODE_DIRECT only: unauthorized");
            }
            if (!si.getPublicKey().getTypeUrl().equals("/cosmos.crypto.secp256k1.PubKey")) {
                throw TxFailure.sdk(TxFailure.INVALID_PUBKEY, "unsupported public key type " + si.getPublicKey().getTypeUrl() + ": invalid pubkey");
            }
            byte[] pub = PubKey.parseFrom(si.getPublicKey().getValue()).getKey().toByteArray();
            if (pub.length != 33) {
                throw TxFailure.sdk(TxFailure.INVALID_PUBKEY, "invalid pubkey length " + pub.length + ": invalid pubkey");
            }
            for (Any m : body.getMessagesList()) {
                routes.requireKnown(m);
            }
            String signer = AccountAddress.ofPublicKey(options.bech32Prefix(), pub).bech32();
            return new Decoded(raw, body, auth, pub, signer, si.getSequence(), auth.getFee(), raw.getSignatures(0).toByteArray());
        } catch (InvalidProtocolBufferException e) {
            throw TxFailure.sdk(TxFailure.TX_DECODE, e.getMessage() + ": tx parse error");
        }
    }

    /** The SDK ante chain, in its order: gas limit, account, fee, sequence, signature. */
    void check(Decoded tx, Mode mode) throws TxFailure {
        long gasLimit = tx.fee().getGasLimit();
        if (mode != Mode.SIMULATE && gasLimit == 0) {
            throw TxFailure.sdk(TxFailure.INVALID_GAS_LIMIT, "gas limit must be positive: invalid gas limit");
        }
        if (gasLimit > MAX_BLOCK_GAS) {
            throw TxFailure.sdk(TxFailure.INVALID_REQUEST, "tx gas limit " + gasLimit + " exceeds block max gas " + MAX_BLOCK_GAS
                    + ": invalid request");
        }
        for (Any m : tx.body().getMessagesList()) {
            String msgSigner = routes.signer(m);
            if (!msgSigner.equals(tx.signer())) {
                throw TxFailure.sdk(TxFailure.INVALID_PUBKEY, "pubKey does not match signer address " + msgSigner
                        + " with signer index: 0: invalid pubkey");
            }
        }
        BankState.Account acc = bank.account(tx.signer());
        if (acc == null) {
            throw TxFailure.sdk(TxFailure.UNKNOWN_ADDRESS, "account " + tx.signer() + " does not exist: unknown address");
        }
        BigInteger offered = BigInteger.ZERO;
        for (Coin c : tx.fee().getAmountList()) {
            if (!c.getDenom().equals(options.feeDenom())) {
                throw TxFailure.sdk(TxFailure.INSUFFICIENT_FEE, "fee denom " + c.getDenom() + " is not accepted; use "
                        + options.feeDenom() + ": insufficient fee");
            }
            offered = offered.add(new BigInteger(c.getAmount()));
        }
        if (mode == Mode.CHECK) {
            BigInteger required = new BigDecimal(gasLimit).multiply(options.minGasPrice()).setScale(0, RoundingMode.CEILING).toBigInteger();
            if (offered.compareTo(required) < 0) {
                throw TxFailure.sdk(TxFailure.INSUFFICIENT_FEE, "insufficient fees; got: " + offered + options.feeDenom()
                        + " required: " + required + options.feeDenom() + ": insufficient fee");
            }
        }
        if (offered.signum() > 0 && acc.balance(options.feeDenom()).compareTo(offered) < 0) {
            throw TxFailure.insufficientFunds(acc.balance(options.feeDenom()), offered, options.feeDenom());
        }
        if (acc.pubKey != null && !Arrays.equals(acc.pubKey, tx.pubKey())) {
            throw TxFailure.sdk(TxFailure.INVALID_PUBKEY, "pubKey does not match the account's key: invalid pubkey");
        }
        long expected = mode == Mode.DELIVER ? acc.sequence : checkSequence.getOrDefault(tx.signer(), acc.sequence);
        if (tx.sequence() != expected) {
            throw TxFailure.sdk(TxFailure.WRONG_SEQUENCE, "account sequence mismatch, expected " + expected + ", got "
                    + tx.sequence() + ": incorrect account sequence");
        }
        if (mode != Mode.SIMULATE) {
            byte[] signDoc = TxSigner.signDocBytes(tx.raw().getBodyBytes().toByteArray(), tx.raw().getAuthInfoBytes().toByteArray(),
                    options.chainId(), acc.number);
            if (!Secp256k1Verifier.verify(tx.pubKey(), signDoc, tx.signature())) {
                throw TxFailure.sdk(TxFailure.UNAUTHORIZED, "signature verification failed; please verify account number ("
                        + acc.number + "), sequence (" + expected + ") and chain-id (" + options.chainId() + "): unauthorized");
            }
        }
    }

    /** Deterministic gas of the ante chain: a fixed cost and 10 per tx byte. */
    static long gas(int txBytes, boolean simulatingWithoutSignature) {
        // Simulation carries an empty signature; count the 64 bytes the real one will add, as the SDK does.
        int size = txBytes + (simulatingWithoutSignature ? 66 : 0);
        return 20_000 + 10L * size + 1_000;
    }
}
