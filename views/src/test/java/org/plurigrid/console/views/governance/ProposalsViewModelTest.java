package org.plurigrid.console.views.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.ChainException;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.TxFee;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.TxStep;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.Tally;
import org.plurigrid.console.client.governance.VoteService;
import org.plurigrid.console.client.governance.WeightedVote;
import org.plurigrid.console.client.wallet.AccountAddress;

/** The view-model with same-thread executors and a scripted backend; no FX toolkit needed for properties. */
class ProposalsViewModelTest {

    static final AccountAddress VOTER = AccountAddress.parse("cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5");

    static ProposalSummary aProposal(long id, ProposalStatus status, long yes) {
        return new ProposalSummary(id, "Proposal " + id, "", status, Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                new Tally(BigInteger.valueOf(yes), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO), BigInteger.valueOf(1000),
                new BigDecimal("0.334"), List.of(), List.of("1000ucosm"), "");
    }

    static UnsignedTx aVote(long id, VoteOption o) {
        return new UnsignedTx("plurigrid-devnet-1", VOTER, new byte[33], 3, 9, List.of(VoteService.voteMessage(id, o, VOTER.bech32())), "",
                new TxFee(CoinAmount.parse("1200ucosm"), 48_000), 37_000);
    }

    /** A backend that answers from fields the test sets. */
    static final class Scripted implements GovernanceActions {
        List<ProposalSummary> proposals = List.of(aProposal(1, ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD, 0),
                aProposal(2, ProposalStatus.PROPOSAL_STATUS_PASSED, 600));
        TxOutcome outcome = new TxOutcome.Included("AB", 7, 30_000, 48_000, List.of());
        RuntimeException prepareFailure;
        final AtomicInteger loads = new AtomicInteger();
        final AtomicReference<UnsignedTx> signed = new AtomicReference<>();

        @Override
        public List<ProposalSummary> loadProposals() {
            loads.incrementAndGet();
            return proposals;
        }

        @Override
        public UnsignedTx prepareVote(long proposalId, VoteOption option) {
            if (prepareFailure != null) {
                throw prepareFailure;
            }
            return aVote(proposalId, option);
        }

        @Override
        public UnsignedTx prepareWeightedVote(long proposalId, WeightedVote weights) {
            return aVote(proposalId, VoteOption.VOTE_OPTION_YES);
        }

        @Override
        public TxOutcome sign(UnsignedTx tx, TxProgress progress) {
            signed.set(tx);
            progress.onStep(TxStep.SIGN, "");
            progress.onStep(TxStep.BROADCAST, "AB");
            progress.onStep(TxStep.INCLUSION, "AB");
            return outcome;
        }
    }

    private final Scripted backend = new Scripted();
    private final ProposalsViewModel vm = new ProposalsViewModel(backend, Runnable::run, Runnable::run);

    @Test
    void loadsProposalsAndOnlyOpenOnesCanBeVotedOn() {
        vm.refresh();
        assertThat(vm.proposals()).extracting(ProposalSummary::id).containsExactly(1L, 2L);

        vm.select(vm.proposals().get(1));
        assertThat(vm.canVoteProperty().get()).isFalse();
        vm.select(vm.proposals().get(0));
        assertThat(vm.canVoteProperty().get()).isTrue();
    }

    @Test
    void showsExactlyWhatWillBeSignedThenProgressToInclusion() {
        vm.refresh();
        vm.select(vm.proposals().get(0));

        vm.requestVote(VoteOption.VOTE_OPTION_NO_WITH_VETO);
        assertThat(vm.confirmationProperty().get()).contains("Chain:    plurigrid-devnet-1")
                .contains("Account:  " + VOTER.bech32() + " (number 3, sequence 9)")
                .contains("\"option\":\"VOTE_OPTION_NO_WITH_VETO\"").contains("Fee:      1200ucosm, gas limit 48000");
        assertThat(backend.signed.get()).as("nothing signed before confirming").isNull();
        assertThat(vm.canVoteProperty().get()).isFalse();

        vm.confirm();

        assertThat(vm.pendingProperty().get()).isNull();
        assertThat(backend.signed.get().describe()).contains("VOTE_OPTION_NO_WITH_VETO");
        assertThat(vm.progressProperty().get()).isEqualTo("signed → broadcast → included at height 7");
        assertThat(vm.confirmationProperty().get()).isEmpty();
        assertThat(backend.loads.get()).as("refreshed after inclusion to show the new tally").isEqualTo(2);
        assertThat(vm.selectedProperty().get().id()).isEqualTo(1);
    }

    @Test
    void cancelSignsNothing() {
        vm.refresh();
        vm.select(vm.proposals().get(0));
        vm.requestVote(VoteOption.VOTE_OPTION_YES);
        vm.cancel();
        vm.confirm();
        assertThat(backend.signed.get()).isNull();
        assertThat(vm.canVoteProperty().get()).isTrue();
    }

    @Test
    void rejectsWeightedVoteNotSummingToOneWithoutPreparing() {
        vm.refresh();
        vm.select(vm.proposals().get(0));
        vm.requestWeightedVote("yes=0.6,no=0.3");
        assertThat(vm.errorProperty().get()).isEqualTo("Vote weights must sum to exactly 1, but they sum to 0.9");
        assertThat(vm.pendingProperty().get()).isNull();

        vm.requestWeightedVote("yes=0.7,no=0.3");
        assertThat(vm.pendingProperty().get()).isNotNull();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void showsTheChainsReasonWhenRejectedOrNotReachable() {
        vm.refresh();
        vm.select(vm.proposals().get(0));
        backend.outcome = new TxOutcome.Rejected(TxStep.BROADCAST, 5, "sdk", "spendable balance 10ucosm is smaller than 1200ucosm: insufficient funds",
                Optional.of("AB"), 0);
        vm.requestVote(VoteOption.VOTE_OPTION_YES);
        vm.confirm();
        assertThat(vm.errorProperty().get()).isEqualTo("The node refused the transaction (sdk code 5): spendable balance 10ucosm is smaller "
                + "than 1200ucosm: insufficient funds");
        assertThat(vm.busyProperty().get()).isFalse();

        backend.prepareFailure = new ChainException.UnreachableException("Cannot reach any node of chain plurigrid-devnet-1", null);
        vm.requestVote(VoteOption.VOTE_OPTION_YES);
        assertThat(vm.errorProperty().get()).isEqualTo("Cannot reach any node of chain plurigrid-devnet-1");
        assertThat(vm.pendingProperty().get()).isNull();

        backend.prepareFailure = null;
        backend.outcome = new TxOutcome.TimedOut("AB", Duration.ofSeconds(60));
        vm.requestVote(VoteOption.VOTE_OPTION_YES);
        vm.confirm();
        assertThat(vm.errorProperty().get()).contains("not in a block after 60 s");
    }
}
