package org.plurigrid.console.devnet.chain;

import java.util.Set;

/**
 * The message type URLs the devnet chain executes, in one place: the ante handler's signer lookup, gas, execution and
 * events all switch on these. Constants (switch labels need them); {@code MsgTypesTest} pins each one to its protobuf
 * descriptor, so a renamed message cannot leave a stale copy behind.
 */
final class MsgTypes {

    static final String VOTE = "/cosmos.gov.v1.MsgVote";
    static final String VOTE_WEIGHTED = "/cosmos.gov.v1.MsgVoteWeighted";
    static final String DEPOSIT = "/cosmos.gov.v1.MsgDeposit";
    static final String SEND = "/cosmos.bank.v1beta1.MsgSend";
    static final String WASM_EXECUTE = WasmExecution.TYPE_URL;
    /** Plurigrid's own: delivered power recorded by its creator. */
    static final String SUBMIT_POWER = "/grid.grid.MsgSubmitPower";

    /** Every message a transaction may carry; anything else is refused as unknown. */
    static final Set<String> KNOWN = Set.of(VOTE, VOTE_WEIGHTED, DEPOSIT, SEND, WASM_EXECUTE, SUBMIT_POWER);

    private MsgTypes() {
    }
}
