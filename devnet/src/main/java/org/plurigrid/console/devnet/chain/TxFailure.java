package org.plurigrid.console.devnet.chain;

import java.math.BigInteger;

/** A transaction refused the way the SDK refuses it: a codespace, an ABCI code and the log text the SDK would write. */
final class TxFailure extends Exception {
    private static final long serialVersionUID = 1L;

    final String codespace;
    final int code;

    TxFailure(String codespace, int code, String log) {
        super(log, null, false, false);
        this.codespace = codespace;
        this.code = code;
    }

    static TxFailure sdk(int code, String log) {
        return new TxFailure("sdk", code, log);
    }

    static TxFailure gov(int code, String log) {
        return new TxFailure("gov", code, log);
    }

    /** A spend larger than the account holds, in the bank's words (fees, sends, deposits and contract funds alike). */
    static TxFailure insufficientFunds(BigInteger spendable, BigInteger amount, String denom) {
        return sdk(INSUFFICIENT_FUNDS, "spendable balance " + spendable + denom + " is smaller than " + amount + denom
                + ": insufficient funds");
    }

    // The SDK's registered errors used here (types/errors/errors.go and x/gov/types/errors.go, v0.50).
    static final int TX_DECODE = 2;
    static final int UNAUTHORIZED = 4;
    static final int INSUFFICIENT_FUNDS = 5;
    static final int UNKNOWN_REQUEST = 6;
    static final int INVALID_ADDRESS = 7;
    static final int INVALID_PUBKEY = 8;
    static final int UNKNOWN_ADDRESS = 9;
    static final int OUT_OF_GAS = 11;
    static final int INSUFFICIENT_FEE = 13;
    static final int INVALID_REQUEST = 18;
    static final int TX_IN_MEMPOOL = 19;
    static final int INVALID_GAS_LIMIT = 41;
    static final int WRONG_SEQUENCE = 32;
    static final int GOV_UNKNOWN_PROPOSAL = 2;
    static final int GOV_INACTIVE_PROPOSAL = 3;
    static final int GOV_INVALID_VOTE = 7;
    // wasmd x/wasm/types/errors.go
    static final int WASM_EXECUTE_FAILED = 5;
    static final int WASM_NO_SUCH_CONTRACT = 22;
}
