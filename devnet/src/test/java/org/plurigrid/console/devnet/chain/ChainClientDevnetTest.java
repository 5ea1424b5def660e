package org.plurigrid.console.devnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.chain.SignerData;
import org.plurigrid.console.client.chain.SignedTx;
import org.plurigrid.console.client.chain.TxFee;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.TxStep;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.chain.proto.cosmos.base.abci.v1beta1.TxResponse;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.TallyResult;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.BroadcastMode;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.BroadcastTxRequest;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.ServiceGrpc;
import org.plurigrid.console.client.governance.VoteService;
import org.plurigrid.console.client.governance.WeightedVote;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.Mnemonic;
import org.plurigrid.console.client.wallet.SigningKey;

/** ChainClient and VoteService against the devnet chain over real gRPC on loopback. */
class ChainClientDevnetTest {

    /** cosmjs test wallets (packages/proto-signing testutils.spec.ts / wallet.spec.ts): public test phrases. */
    static final Mnemonic ALICE = Mnemonic.parse("special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling");
    static final Mnemonic BOB = Mnemonic.parse("economy stock theory fatal elder harbor betray wasp final emotion task crumble "
            + "siren bottom lizard educate guess current outdoor pair theory focus wife stone");

    static MutableClock chainClock;
    static DevnetChain chain;
    static SigningKey alice;
    static SigningKey bob;
    static SigningKey poor;

    ChainClient client;
    VoteService votes;

    @BeforeAll
    static void startChain() {
        QuietLogs.apply();
        alice = ALICE.deriveKey(HdPath.cosmos(0));
        bob = BOB.deriveKey(HdPath.cosmos(0));
        poor = ALICE.deriveKey(HdPath.cosmos(7));
        chainClock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        chain = DevnetChain.start(DevnetChain.Options.defaults()
                .withDemoMnemonics(List.of(ALICE, BOB))
                .withGenesisAccounts(List.of(new GenesisAccount(poor.address("cosmos").bech32(), 10, 0)))
                .withBlockTime(Duration.ofMillis(50))
                .withClock(chainClock));
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    @BeforeEach
    void connect() {
        client = new ChainClient(config(chain.chainId(), GrpcEndpoint.parse(chain.grpcTarget())), InstantSource.system());
        votes = new VoteService(client);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    static ChainConfig config(String chainId, GrpcEndpoint... endpoints) {
        return ChainConfig.of(chainId, "cosmos", "ucosm", "0.025", endpoints)
                .withInclusionTimeout(Duration.ofSeconds(10)).withPollInterval(Duration.ofMillis(20))
                .withRequestTimeout(Duration.ofSeconds(3));
    }

    private long newProposal() {
        return chain.addProposal("Test proposal", "for a test", 1000);
    }

    @Test
    void voteIsIncludedAndTheTallyChanges() {
        long id = newProposal();
        assertThat(client.tally(id).getYesCount()).isEqualTo("0");
        List<TxStep> steps = new CopyOnWriteArrayList<>();

        TxOutcome outcome = votes.vote(id, org.plurigrid.console.client.governance.VoteOption.YES, alice, (step, detail) -> steps.add(step));

        assertThat(outcome).isInstanceOf(TxOutcome.Included.class);
        TxOutcome.Included inc = (TxOutcome.Included) outcome;
        assertThat(inc.height()).isPositive();
        assertThat(inc.gasUsed()).isPositive().isLessThanOrEqualTo(inc.gasWanted());
        assertThat(inc.txHash()).matches("[0-9A-F]{64}");
        assertThat(inc.events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("proposal_vote");
            assertThat(e.attribute("proposal_id")).isEqualTo(Long.toString(id));
        });
        assertThat(steps).containsSubsequence(TxStep.SIMULATE, TxStep.SIGN, TxStep.BROADCAST, TxStep.INCLUSION);
        assertThat(client.tally(id).getYesCount()).isEqualTo(Long.toString(DevnetChain.DEMO_BONDED));
        assertThat(client.vote(id, alice.address("cosmos").bech32())).isPresent();
    }

    @Test
    void weightedVoteSplitsVotingPower() {
        long id = newProposal();
        TxOutcome outcome = votes.voteWeighted(id, WeightedVote.parse("yes=0.7,no=0.3"), bob, TxProgress.NONE);

        assertThat(outcome).isInstanceOf(TxOutcome.Included.class);
        TallyResult t = client.tally(id);
        assertThat(t.getYesCount()).isEqualTo("140000");
        assertThat(t.getNoCount()).isEqualTo("60000");
    }

    @Test
    void refusesVoteOnProposalNotInVotingPeriod() {
        long id = chain.addProposal("Under-funded", "still collecting deposits", 10);

        TxOutcome viaService = votes.vote(id, org.plurigrid.console.client.governance.VoteOption.YES, alice, TxProgress.NONE);
        assertThat(viaService).isInstanceOfSatisfying(TxOutcome.Rejected.class, r -> assertThat(r.message())
                .contains("Proposal " + id + " is not in its voting period (it is in deposit period)"));

        // Without the service's check, the chain itself refuses it in simulation with the SDK's words.
        TxOutcome direct = client.submit(List.of(VoteService.voteMessage(id, org.plurigrid.console.client.governance.VoteOption.YES,
                alice.address("cosmos").bech32())), "", alice, TxProgress.NONE);
        assertThat(direct).isInstanceOfSatisfying(TxOutcome.Rejected.class, r -> {
            assertThat(r.step()).isEqualTo(TxStep.SIMULATE);
            assertThat(r.log()).contains("failed to execute message; message index: 0: " + id + ": inactive proposal");
        });
    }

    @Test
    void nodeOnAnotherChainIsRefusedBeforeSigning() {
        try (ChainClient wrong = new ChainClient(config("cosmoshub-4", GrpcEndpoint.parse(chain.grpcTarget())), InstantSource.system())) {
            TxOutcome outcome = new VoteService(wrong).vote(newProposal(), org.plurigrid.console.client.governance.VoteOption.YES, alice, TxProgress.NONE);
            assertThat(outcome).isInstanceOfSatisfying(TxOutcome.Rejected.class, r -> {
                assertThat(r.step()).isEqualTo(TxStep.CONNECT);
                assertThat(r.message()).contains("is on chain 'plurigrid-devnet-1', but the console is configured for 'cosmoshub-4'");
            });
        }
    }

    @Test
    void chainRejectsSignatureMadeForAnotherChainId() {
        long id = newProposal();
        var acc = client.account(alice.address("cosmos").bech32());
        SignedTx tx = TxSigner.sign(List.of(VoteService.voteMessage(id, org.plurigrid.console.client.governance.VoteOption.NO, alice.address("cosmos").bech32())), "",
                new TxFee(CoinAmount.parse("5000ucosm"), 200_000), new SignerData("other-chain", acc.accountNumber(), acc.sequence()), alice);

        TxResponse r = broadcastRaw(tx);

        assertThat(r.getCode()).isEqualTo(4);
        assertThat(r.getRawLog()).contains("signature verification failed").contains("chain-id (plurigrid-devnet-1)");
    }

    @Test
    void chainRejectsFeeBelowMinimumGasPrice() {
        var acc = client.account(alice.address("cosmos").bech32());
        SignedTx tx = TxSigner.sign(List.of(VoteService.voteMessage(newProposal(), org.plurigrid.console.client.governance.VoteOption.NO, alice.address("cosmos").bech32())), "",
                new TxFee(CoinAmount.parse("100ucosm"), 200_000), new SignerData(chain.chainId(), acc.accountNumber(), acc.sequence()), alice);

        TxResponse r = broadcastRaw(tx);

        assertThat(r.getCode()).isEqualTo(13);
        assertThat(r.getRawLog()).isEqualTo("insufficient fees; got: 100ucosm required: 5000ucosm: insufficient fee");
    }

    @Test
    void insufficientFundsIsShownWithTheChainsMessage() {
        TxOutcome outcome = votes.vote(newProposal(), org.plurigrid.console.client.governance.VoteOption.YES, poor, TxProgress.NONE);

        assertThat(outcome).isInstanceOfSatisfying(TxOutcome.Rejected.class, r -> {
            assertThat(r.step()).isEqualTo(TxStep.BROADCAST);
            assertThat(r.code()).isEqualTo(5);
            assertThat(r.message()).startsWith("The node refused the transaction (sdk code 5): spendable balance 10ucosm is smaller than")
                    .endsWith("insufficient funds");
        });
    }

    @Test
    void unreachableNodeGivesAClearMessageAndFailoverUsesTheNextEndpoint() throws IOException {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        GrpcEndpoint deadEndpoint = new GrpcEndpoint("127.0.0.1", dead, false);
        try (ChainClient none = new ChainClient(config(chain.chainId(), deadEndpoint), InstantSource.system())) {
            TxOutcome outcome = new VoteService(none).vote(1, org.plurigrid.console.client.governance.VoteOption.YES, alice, TxProgress.NONE);
            assertThat(outcome).isInstanceOfSatisfying(TxOutcome.Rejected.class, r -> {
                assertThat(r.step()).isEqualTo(TxStep.CONNECT);
                assertThat(r.message()).contains("Cannot reach any node of chain plurigrid-devnet-1: tried 127.0.0.1:" + dead + " (UNAVAILABLE)");
            });
        }
        try (ChainClient failover = new ChainClient(config(chain.chainId(), deadEndpoint, GrpcEndpoint.parse(chain.grpcTarget())),
                InstantSource.system())) {
            assertThat(new VoteService(failover).vote(newProposal(), org.plurigrid.console.client.governance.VoteOption.ABSTAIN, alice, TxProgress.NONE))
                    .isInstanceOf(TxOutcome.Included.class);
        }
    }

    @Test
    void sequenceMismatchRefreshesTheAccountAndRetriesOnce() {
        long first = newProposal();
        long second = newProposal();
        UnsignedTx stale = votes.prepareVote(first, org.plurigrid.console.client.governance.VoteOption.NO, alice.address("cosmos"), alice.publicKey(), "");
        // Another transaction from the same account gets in first and uses that sequence.
        assertThat(votes.vote(second, org.plurigrid.console.client.governance.VoteOption.YES, alice, TxProgress.NONE)).isInstanceOf(TxOutcome.Included.class);
        List<String> progress = new ArrayList<>();

        TxOutcome outcome = client.signAndSubmit(stale, alice, (step, detail) -> progress.add(step + " " + detail));

        assertThat(outcome).isInstanceOf(TxOutcome.Included.class);
        assertThat(progress).contains("ACCOUNT sequence mismatch, refreshing");
        assertThat(client.vote(first, alice.address("cosmos").bech32()).orElseThrow().getOptions(0).getOption())
                .isEqualTo(VoteOption.VOTE_OPTION_NO);
    }

    @Test
    void votingPeriodEndsWithTallyAgainstQuorumThresholdAndVeto() {
        long passes = newProposal();
        long noQuorum = newProposal();
        long vetoed = newProposal();
        assertThat(votes.vote(passes, org.plurigrid.console.client.governance.VoteOption.YES, alice, TxProgress.NONE)).isInstanceOf(TxOutcome.Included.class);
        assertThat(votes.vote(passes, org.plurigrid.console.client.governance.VoteOption.YES, bob, TxProgress.NONE)).isInstanceOf(TxOutcome.Included.class);
        assertThat(votes.vote(noQuorum, org.plurigrid.console.client.governance.VoteOption.YES, alice, TxProgress.NONE)).isInstanceOf(TxOutcome.Included.class);
        assertThat(votes.vote(vetoed, org.plurigrid.console.client.governance.VoteOption.NO_WITH_VETO, alice, TxProgress.NONE)).isInstanceOf(TxOutcome.Included.class);
        assertThat(votes.vote(vetoed, org.plurigrid.console.client.governance.VoteOption.YES, bob, TxProgress.NONE)).isInstanceOf(TxOutcome.Included.class);

        chainClock.advance(chain.options().votingPeriod().plusSeconds(1));
        chain.produceBlock();

        assertThat(client.proposal(passes).getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_PASSED);
        assertThat(client.proposal(passes).getFinalTallyResult().getYesCount()).isEqualTo("400000");
        assertThat(client.proposal(noQuorum).getStatus()).as("20 %% turnout < 33.4 %% quorum").isEqualTo(ProposalStatus.PROPOSAL_STATUS_REJECTED);
        assertThat(client.proposal(vetoed).getStatus()).as("50 %% veto > 33.4 %%").isEqualTo(ProposalStatus.PROPOSAL_STATUS_REJECTED);
        assertThat(votes.vote(passes, org.plurigrid.console.client.governance.VoteOption.NO, alice, TxProgress.NONE))
                .isInstanceOfSatisfying(TxOutcome.Rejected.class, r -> assertThat(r.message()).contains("(it is passed)"));
    }

    @Test
    void summarizesProposalsWithLiveTallyAndTurnoutAgainstQuorum() {
        long id = newProposal();
        assertThat(votes.vote(id, org.plurigrid.console.client.governance.VoteOption.YES, alice, TxProgress.NONE)).isInstanceOf(TxOutcome.Included.class);

        var summary = new org.plurigrid.console.client.governance.GovernanceService(client).proposal(id);

        assertThat(summary.open()).isTrue();
        assertThat(summary.tally().yes()).isEqualTo(java.math.BigInteger.valueOf(DevnetChain.DEMO_BONDED));
        assertThat(summary.bondedTokens()).isEqualTo(java.math.BigInteger.valueOf(2 * DevnetChain.DEMO_BONDED + DevnetChain.VALIDATOR_BONDED));
        assertThat(summary.turnout()).isEqualByComparingTo("0.25");
        assertThat(summary.quorumReached()).isFalse();
        assertThat(summary.votingEnd()).isPresent();
        assertThat(summary.messages()).singleElement().asString().contains("/cosmos.bank.v1beta1.MsgSend");
        assertThat(new org.plurigrid.console.client.governance.GovernanceService(client).proposals())
                .extracting(s -> s.id()).contains(id);
    }

    @Test
    void printsFiguresForSigningAndInclusion() {
        long id = newProposal();
        UnsignedTx tx = votes.prepareVote(id, org.plurigrid.console.client.governance.VoteOption.YES, alice.address("cosmos"), alice.publicKey(), "");
        for (int i = 0; i < 200; i++) { // warm-up
            TxSigner.sign(tx.messages(), "", tx.fee(), tx.signerData(), alice);
        }
        int n = 1000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            TxSigner.sign(tx.messages(), "", tx.fee(), tx.signerData(), alice);
        }
        double signUs = (System.nanoTime() - t0) / 1e3 / n;

        int rounds = 10;
        long[] ms = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            assertThat(votes.vote(id, i % 2 == 0 ? org.plurigrid.console.client.governance.VoteOption.YES : org.plurigrid.console.client.governance.VoteOption.NO, alice, TxProgress.NONE))
                    .isInstanceOf(TxOutcome.Included.class);
            ms[i] = (System.nanoTime() - s) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("FIGURES sign a vote (SignDoc + SHA-256 + ECDSA): %.1f us/vote over %d; "
                        + "vote round-trip to inclusion (block time %d ms): median %d ms, min %d, max %d over %d%n",
                signUs, n, chain.options().blockTime().toMillis(), ms[rounds / 2], ms[0], ms[rounds - 1], rounds);
    }

    private TxResponse broadcastRaw(SignedTx tx) {
        ManagedChannel ch = ManagedChannelBuilder.forTarget(chain.grpcTarget()).usePlaintext().build();
        try {
            return ServiceGrpc.newBlockingStub(ch).broadcastTx(BroadcastTxRequest.newBuilder()
                    .setTxBytes(ByteString.copyFrom(tx.bytes())).setMode(BroadcastMode.BROADCAST_MODE_SYNC).build()).getTxResponse();
        } finally {
            ch.shutdownNow();
        }
    }
}
