package org.plurigrid.console.client.chain;

/** The steps of sending a transaction, in order; progress and failures name the step. */
public enum TxStep {
    /** Checking the node is reachable and on the configured chain. */
    CONNECT,
    /** Reading account number and sequence. */
    ACCOUNT,
    /** Estimating gas with Simulate (the chain runs the messages without committing). */
    SIMULATE,
    SIGN,
    /** BroadcastTx in sync mode: the node's mempool check (signature, sequence, fee). */
    BROADCAST,
    /** Waiting for a block to include the transaction and reading its result with GetTx. */
    INCLUSION
}
