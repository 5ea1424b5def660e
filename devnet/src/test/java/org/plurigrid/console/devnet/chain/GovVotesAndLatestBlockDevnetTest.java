package org.plurigrid.console.devnet.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.proto.cosmos.base.query.v1beta1.PageRequest;
import org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.GetLatestBlockRequest;
import org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.GetLatestBlockResponse;
import org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.ServiceGrpc;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryGrpc;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryVoteRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryVotesRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryVotesResponse;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Vote;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.governance.VoteService;
import org.plurigrid.console.client.governance.WeightedVote;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.SigningKey;

/** gov v1 Query/Vote and Query/Votes, and GetLatestBlock's block (field 2) and sdk_block (field 3), over real gRPC. */
class GovVotesAndLatestBlockDevnetTest {

    static DevnetChain chain;
    static ManagedChannel channel;
    static ChainClient client;
    static SigningKey alice;
    static SigningKey bob;

    @BeforeAll
    static void start() {
        QuietLogs.apply();
        alice = ChainClientDevnetTest.ALICE.deriveKey(HdPath.cosmos(0));
        bob = ChainClientDevnetTest.BOB.deriveKey(HdPath.cosmos(0));
        chain = DevnetChain.start(DevnetChain.Options.defaults().withDemoMnemonics(List.of(ChainClientDevnetTest.ALICE, ChainClientDevnetTest.BOB))
                .withBlockTime(Duration.ofMillis(50)).withClock(new MutableClock(Instant.parse("2026-01-01T00:00:00Z"))));
        channel = ManagedChannelBuilder.forTarget(chain.grpcTarget()).usePlaintext().build();
        client = new ChainClient(ChainClientDevnetTest.config(chain.chainId(), GrpcEndpoint.parse(chain.grpcTarget())), InstantSource.system());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        client.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        chain.close();
    }

    private static QueryGrpc.QueryBlockingStub gov() {
        return QueryGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    @Test
    void latestBlockCarriesTheCometBftBlockAndTheSdkBlockWithTheSameHeader() {
        chain.produceBlock(); // height 1 at least, whatever ran before
        GetLatestBlockResponse r = ServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .getLatestBlock(GetLatestBlockRequest.getDefaultInstance());

        assertThat(r.hasBlock()).as("block, field 2").isTrue();
        assertThat(r.hasSdkBlock()).as("sdk_block, field 3").isTrue();
        assertThat(r.getBlock().getHeader().getChainId()).isEqualTo(chain.chainId()).isEqualTo(r.getSdkBlock().getHeader().getChainId());
        assertThat(r.getBlock().getHeader().getHeight()).isPositive().isEqualTo(r.getSdkBlock().getHeader().getHeight());
        assertThat(r.getBlock().getHeader().getTime()).isEqualTo(r.getSdkBlock().getHeader().getTime());
        assertThat(r.getBlockId().getHash().size()).isEqualTo(32);
        // On the wire the response carries both fields, as a v0.50 node's does.
        assertThat(r.toByteArray()[0] & 0xff).as("first tag: block_id (1, length-delimited)").isEqualTo(0x0a);
        assertThat(GetLatestBlockResponse.getDescriptor().findFieldByNumber(2).getMessageType().getFullName())
                .isEqualTo("tendermint.types.Block");
    }

    @Test
    void clientReadsTheHeightFromTheCometBftBlockWhenAnOlderNodeSendsNoSdkBlock() {
        // What a node before v0.47 answers: only block (field 2). The client must still read its height.
        GetLatestBlockResponse full = ServiceGrpc.newBlockingStub(channel).getLatestBlock(GetLatestBlockRequest.getDefaultInstance());
        GetLatestBlockResponse old = full.toBuilder().clearSdkBlock().build();
        assertThat(old.hasSdkBlock()).isFalse();
        assertThat(old.getBlock().getHeader().getHeight()).isEqualTo(full.getSdkBlock().getHeader().getHeight());
        assertThat(client.latestHeight()).isGreaterThanOrEqualTo(full.getSdkBlock().getHeader().getHeight());
    }

    @Test
    void votesListsEveryVoteCastAndVoteReadsOne() {
        long id = chain.addProposal("Votes query", "two voters", 1000);
        VoteService votes = new VoteService(client);
        assertThat(votes.vote(id, org.plurigrid.console.client.governance.VoteOption.YES, alice, TxProgress.NONE)).isInstanceOf(TxOutcome.Included.class);
        assertThat(votes.voteWeighted(id, WeightedVote.parse("no=0.25,abstain=0.75"), bob, TxProgress.NONE))
                .isInstanceOf(TxOutcome.Included.class);
        String a = alice.address("cosmos").bech32();
        String b = bob.address("cosmos").bech32();

        QueryVotesResponse all = gov().votes(QueryVotesRequest.newBuilder().setProposalId(id)
                .setPagination(PageRequest.newBuilder().setCountTotal(true)).build());
        assertThat(all.getVotesList()).extracting(Vote::getVoter).containsExactly(a, b);
        assertThat(all.getVotes(0).getOptions(0).getOption()).isEqualTo(VoteOption.VOTE_OPTION_YES);
        assertThat(all.getVotes(1).getOptionsList()).extracting(o -> o.getOption() + "=" + o.getWeight())
                .containsExactlyInAnyOrder("VOTE_OPTION_NO=0.250000000000000000", "VOTE_OPTION_ABSTAIN=0.750000000000000000");
        assertThat(all.getPagination().getTotal()).isEqualTo(2);
        assertThat(all.getPagination().getNextKey()).isEmpty();

        QueryVotesResponse first = gov().votes(QueryVotesRequest.newBuilder().setProposalId(id)
                .setPagination(PageRequest.newBuilder().setLimit(1)).build());
        assertThat(first.getVotesList()).extracting(Vote::getVoter).containsExactly(a);
        assertThat(first.getPagination().getNextKey()).isNotEmpty();
        QueryVotesResponse second = gov().votes(QueryVotesRequest.newBuilder().setProposalId(id)
                .setPagination(PageRequest.newBuilder().setLimit(1).setKey(first.getPagination().getNextKey())).build());
        assertThat(second.getVotesList()).extracting(Vote::getVoter).containsExactly(b);
        assertThat(second.getPagination().getNextKey()).isEmpty();

        assertThat(client.votes(id)).extracting(Vote::getVoter).containsExactly(a, b);
        assertThat(gov().vote(QueryVoteRequest.newBuilder().setProposalId(id).setVoter(b).build()).getVote().getOptionsCount()).isEqualTo(2);
        assertThat(client.vote(id, a)).map(v -> v.getOptions(0).getOption()).contains(VoteOption.VOTE_OPTION_YES);
    }

    @Test
    void votesAndVoteAnswerLikeTheSdkForBadAndEmptyRequests() {
        long id = chain.addProposal("Nobody voted", "", 1000);
        assertThat(gov().votes(QueryVotesRequest.newBuilder().setProposalId(id).build()).getVotesCount()).isZero();
        assertThat(gov().votes(QueryVotesRequest.newBuilder().setProposalId(99_999).build()).getVotesCount()).isZero();
        assertThat(client.vote(id, alice.address("cosmos").bech32())).isEmpty();

        assertStatus(() -> gov().votes(QueryVotesRequest.newBuilder().build()), Status.Code.INVALID_ARGUMENT, "proposal id can not be 0");
        assertStatus(() -> gov().votes(QueryVotesRequest.newBuilder().setProposalId(id)
                        .setPagination(PageRequest.newBuilder().setOffset(1).setKey(ByteString.copyFromUtf8("12345678"))).build()),
                Status.Code.INVALID_ARGUMENT, "either offset or key");
        assertStatus(() -> gov().vote(QueryVoteRequest.newBuilder().setProposalId(id).build()), Status.Code.INVALID_ARGUMENT,
                "empty voter address");
        assertStatus(() -> gov().vote(QueryVoteRequest.newBuilder().setProposalId(id).setVoter(alice.address("cosmos").bech32()).build()),
                Status.Code.INVALID_ARGUMENT, "not found for proposal");
    }

    private static void assertStatus(Runnable call, Status.Code code, String text) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).contains(text);
        });
    }
}
