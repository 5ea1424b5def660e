package org.plurigrid.console.devnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.MsgSend;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgDeposit;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVote;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVoteWeighted;
import org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.MsgExecuteContract;

/** The chain's type URLs are the ones the console's signer packs (TxSigner: {@code Any.pack(msg, "")}). */
class MsgTypesTest {

    private static String packed(com.google.protobuf.Message m) {
        return Any.pack(m, "").getTypeUrl();
    }

    @Test
    void everyTypeUrlIsTheOneItsMessagePacksTo() {
        assertThat(MsgTypes.VOTE).isEqualTo(packed(MsgVote.getDefaultInstance()));
        assertThat(MsgTypes.VOTE_WEIGHTED).isEqualTo(packed(MsgVoteWeighted.getDefaultInstance()));
        assertThat(MsgTypes.DEPOSIT).isEqualTo(packed(MsgDeposit.getDefaultInstance()));
        assertThat(MsgTypes.SEND).isEqualTo(packed(MsgSend.getDefaultInstance()));
        assertThat(MsgTypes.WASM_EXECUTE).isEqualTo(packed(MsgExecuteContract.getDefaultInstance()));
        assertThat(MsgTypes.SUBMIT_POWER).isEqualTo(packed(
                org.plurigrid.console.client.chain.proto.grid.grid.MsgSubmitPower.getDefaultInstance()));
    }

    @Test
    void theChainRoutesEveryNamedTypeAndNoOther() {
        ChainState state = new ChainState(DevnetChain.Options.defaults(), java.time.InstantSource.system());
        assertThat(state.messageTypes()).containsExactlyInAnyOrder(MsgTypes.VOTE, MsgTypes.VOTE_WEIGHTED, MsgTypes.DEPOSIT,
                MsgTypes.SEND, MsgTypes.WASM_EXECUTE, MsgTypes.SUBMIT_POWER);
    }
}
