package org.plurigrid.console.devnet.chain;

/**
 * The message type URLs the devnet chain executes, by name: {@link ChainState} routes each to its module through
 * {@link MessageRoutes}, and the modules name their events' actions with them. {@code MsgTypesTest} pins each one to its
 * protobuf descriptor, so a renamed message cannot leave a stale copy behind.
 */
final class MsgTypes {

    static final String VOTE = "/cosmos.gov.v1.MsgVote";
    static final String VOTE_WEIGHTED = "/cosmos.gov.v1.MsgVoteWeighted";
    static final String DEPOSIT = "/cosmos.gov.v1.MsgDeposit";
    static final String SEND = "/cosmos.bank.v1beta1.MsgSend";
    static final String WASM_EXECUTE = WasmExecution.TYPE_URL;
    /** Plurigrid's own: delivered power recorded by its creator. */
    static final String SUBMIT_POWER = "/grid.grid.MsgSubmitPower";

    private MsgTypes() {
    }
}
