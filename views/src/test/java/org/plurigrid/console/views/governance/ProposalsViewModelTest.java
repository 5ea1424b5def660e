package org.plurigrid.console.views.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.views.governance.ScriptedGovernance.aProposal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.ChainException;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxStep;
import org.plurigrid.console.client.governance.ProposalPhase;
import org.plurigrid.console.client.governance.VoteOption;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.Tally;

/** The view-model with same-thread executors and a scripted backend; no FX toolkit needed for properties. */
class ProposalsViewModelTest {

    private final ScriptedGovernance backend = new ScriptedGovernance();
    private final SessionViewModel session = new SessionViewModel(backend, Runnable::run, Runnable::run);
    private final TxHistory history = new TxHistory();
    private final ProposalsViewModel vm = new ProposalsViewModel(backend, session, history,
            InstantSource.fixed(Instant.parse("2026-01-01T10:00:00Z")), Runnable::run, Runnable::run);

    private void unlockAlice() {
        session.refreshAccounts();
        session.choose(session.accounts().get(0));
        session.unlock(ScriptedGovernance.PASSWORD.toCharArray());
    }

    private void openFirstProposal() {
        unlockAlice();
        vm.refresh();
        vm.select(vm.proposals().get(0));
    }

    @Test
    void loadsProposalsAndOnlyOpenOnesCanBeVotedOn() {
        unlockAlice();
        vm.refresh();
        assertThat(vm.proposals()).extracting(ProposalSummary::id).containsExactly(1L, 2L);

        vm.select(vm.proposals().get(1));
        assertThat(vm.canVoteProperty().get()).isFalse();
        assertThat(vm.voteBlockedReasonProperty().get()).isEqualTo("Voting is closed: this proposal is passed");
        vm.select(vm.proposals().get(0));
        assertThat(vm.canVoteProperty().get()).isTrue();
        assertThat(vm.voteBlockedReasonProperty().get()).isEmpty();
    }

    @Test
    void lockedSessionCannotVoteAndSaysWhy() {
        vm.refresh();
        vm.select(vm.proposals().get(0));
        assertThat(vm.canVoteProperty().get()).isFalse();
        assertThat(vm.voteBlockedReasonProperty().get()).isEqualTo("Unlock an account to vote");
        vm.requestVote(VoteOption.YES);
        assertThat(vm.pendingProperty().get()).isNull();
    }

    @Test
    void watchOnlyAccountViewsButTheVoteExplainsItCannotSign() {
        session.refreshAccounts();
        session.choose(session.accounts().get(1));
        session.unlock(new char[0]);
        vm.refresh();
        vm.select(vm.proposals().get(0));

        assertThat(session.stateProperty().get()).isEqualTo(SessionState.WATCHING);
        assertThat(vm.proposals()).hasSize(2);
        assertThat(vm.canVoteProperty().get()).isFalse();
        assertThat(vm.voteBlockedReasonProperty().get()).isEqualTo("auditor is watch-only: it can view but cannot sign a vote");
    }

    @Test
    void showsExactlyWhatWillBeSignedThenProgressToInclusion() {
        openFirstProposal();

        vm.requestVote(VoteOption.NO_WITH_VETO);
        Confirmation c = vm.confirmationDetailsProperty().get();
        assertThat(c.chainId()).isEqualTo("plurigrid-devnet-1");
        assertThat(c.account()).isEqualTo(ScriptedGovernance.VOTER.bech32());
        assertThat(c.messagesJson()).contains("\"@type\": \"/cosmos.gov.v1.MsgVote\"").contains("\"option\": \"VOTE_OPTION_NO_WITH_VETO\"");
        assertThat(c.fee()).isEqualTo("1200ucosm");
        assertThat(c.gasLimit()).isEqualTo(48_000);
        assertThat(vm.confirmationProperty().get()).contains("Chain ID:  plurigrid-devnet-1")
                .contains("(number 3, sequence 9)").contains("Gas limit: 48000 (simulated 37000)").contains("Memo:      (none)");
        assertThat(backend.signed.get()).as("nothing signed before confirming").isNull();
        assertThat(vm.canVoteProperty().get()).isFalse();

        var shown = vm.pendingProperty().get();
        vm.confirm();

        assertThat(backend.signed.get()).as("the very transaction shown is signed").isSameAs(shown);
        assertThat(Confirmation.of(backend.signed.get())).isEqualTo(c);
        assertThat(vm.pendingProperty().get()).isNull();
        assertThat(vm.progressProperty().get()).isEqualTo("signed → broadcast → included at height 7");
        assertThat(vm.confirmationProperty().get()).isEmpty();
        assertThat(backend.loads.get()).as("refreshed after inclusion to show the new tally").isEqualTo(2);
        assertThat(vm.selectedProperty().get().id()).isEqualTo(1);
    }

    @Test
    void recordsEachSentTransactionInTheSessionHistory() {
        openFirstProposal();
        vm.requestVote(VoteOption.YES);
        vm.confirm();
        backend.outcome = new TxOutcome.Rejected(TxStep.BROADCAST, 32, "sdk", "account sequence mismatch, expected 10, got 9",
                Optional.of("CD34"), 0);
        vm.requestVote(VoteOption.NO);
        vm.confirm();

        assertThat(history.records()).extracting(TxRecord::txHash, TxRecord::height, TxRecord::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CD34", 0L, "failed at broadcast: account sequence mismatch, expected 10, got 9"),
                org.assertj.core.groups.Tuple.tuple("AB12", 7L, "included"));
        assertThat(history.records().get(1).what()).isEqualTo("Vote yes on #1");
        assertThat(history.records().get(0).what()).isEqualTo("Vote no on #1");
        assertThat(history.records().get(1).account()).isEqualTo("alice");
    }

    @Test
    void cancelSignsNothing() {
        openFirstProposal();
        vm.requestVote(VoteOption.YES);
        vm.cancel();
        vm.confirm();
        assertThat(backend.signed.get()).isNull();
        assertThat(vm.canVoteProperty().get()).isTrue();
    }

    @Test
    void checksTheWeightedSplitLiveAsItIsTyped() {
        openFirstProposal();
        assertThat(vm.weightsMessageProperty().get()).isEmpty();

        vm.weightProperty(VoteOption.YES).set("0.6");
        vm.weightProperty(VoteOption.NO).set("0.3");
        assertThat(vm.weightsValidProperty().get()).isFalse();
        assertThat(vm.weightsMessageProperty().get()).isEqualTo("Vote weights must sum to exactly 1, but they sum to 0.9");

        vm.weightProperty(VoteOption.NO).set("0.3x");
        assertThat(vm.weightsMessageProperty().get()).isEqualTo("Weight of No is not a decimal number: '0.3x'");

        vm.weightProperty(VoteOption.NO).set("0.4");
        assertThat(vm.weightsValidProperty().get()).isTrue();
        assertThat(vm.weightsMessageProperty().get()).isEqualTo("Weights sum to 1");

        vm.requestWeightedVote();
        assertThat(backend.weighted.get().toString()).isEqualTo("yes=0.6,no=0.4");
        assertThat(vm.pendingProperty().get()).isNotNull();
    }

    @Test
    void rejectsWeightedVoteNotSummingToOneWithoutPreparing() {
        openFirstProposal();
        vm.weightProperty(VoteOption.YES).set("0.5");
        vm.weightProperty(VoteOption.ABSTAIN).set("0.49999");
        vm.requestWeightedVote();
        assertThat(vm.errorProperty().get()).isEqualTo("Vote weights must sum to exactly 1, but they sum to 0.99999");
        assertThat(vm.pendingProperty().get()).isNull();
        assertThat(backend.weighted.get()).isNull();
    }

    @Test
    void showsTheChainsReasonAndTheFailedStepWhenRejectedOrNotReachable() {
        openFirstProposal();
        backend.outcome = new TxOutcome.Rejected(TxStep.BROADCAST, 5, "sdk", "spendable balance 10ucosm is smaller than 1200ucosm: insufficient funds",
                Optional.of("AB12"), 0);
        vm.requestVote(VoteOption.YES);
        vm.confirm();
        assertThat(vm.errorProperty().get()).isEqualTo("The node refused the transaction (sdk code 5): spendable balance 10ucosm is smaller "
                + "than 1200ucosm: insufficient funds");
        assertThat(vm.progressProperty().get()).isEqualTo("signed → broadcast → failed at broadcast");
        assertThat(vm.busyProperty().get()).isFalse();

        backend.prepareFailure = new ChainException.UnreachableException("Cannot reach any node of chain plurigrid-devnet-1", null);
        vm.requestVote(VoteOption.YES);
        assertThat(vm.errorProperty().get()).isEqualTo("Cannot reach any node of chain plurigrid-devnet-1");
        assertThat(vm.pendingProperty().get()).isNull();

        backend.prepareFailure = null;
        backend.outcome = new TxOutcome.TimedOut("AB12", Duration.ofSeconds(60));
        vm.requestVote(VoteOption.YES);
        vm.confirm();
        assertThat(vm.errorProperty().get()).contains("not in a block after 60 s");
    }

    @Test
    void showsTheSessionAccountsOwnVote() {
        backend.votes.put(1L, "yes");
        openFirstProposal();
        assertThat(vm.myVoteProperty().get()).isEqualTo("alice voted yes");
        vm.select(vm.proposals().get(1));
        // #2 has passed: the SDK deletes votes once tallied, so "no vote on chain" must not read as "has not voted".
        assertThat(vm.myVoteProperty().get()).startsWith("The chain keeps no individual votes").doesNotContain("has not voted");
        session.lock();
        assertThat(vm.myVoteProperty().get()).isEmpty();
    }

    @Test
    void flagsAVetoShareNearItsThresholdAsAbnormal() {
        ProposalSummary calm = aProposal(3, ProposalPhase.VOTING_PERIOD,
                new Tally(BigInteger.valueOf(300), BigInteger.valueOf(50), BigInteger.ZERO, BigInteger.valueOf(50)));
        ProposalSummary risky = aProposal(4, ProposalPhase.VOTING_PERIOD,
                new Tally(BigInteger.valueOf(200), BigInteger.ZERO, BigInteger.ZERO, BigInteger.valueOf(100)));
        ProposalSummary vetoed = aProposal(5, ProposalPhase.VOTING_PERIOD,
                new Tally(BigInteger.valueOf(100), BigInteger.ZERO, BigInteger.ZERO, BigInteger.valueOf(100)));
        backend.proposals = List.of(calm, risky, vetoed);
        vm.refresh();

        vm.select(vm.proposals().get(0));
        assertThat(vm.tallyProperty().get().vetoAtRisk()).isFalse();
        assertThat(vm.tallyProperty().get().yes()).isEqualTo(75.0);
        assertThat(vm.tallyProperty().get().turnout()).isEqualTo(40.0);
        vm.select(vm.proposals().get(1));
        assertThat(vm.tallyProperty().get().vetoAtRisk()).isTrue();
        assertThat(vm.tallyProperty().get().vetoReached()).isFalse();
        vm.select(vm.proposals().get(2));
        assertThat(vm.tallyProperty().get().vetoReached()).isTrue();
    }

    @Test
    void aRefreshOnTheTimerLeavesAVoteInFlightBusy() {
        java.util.ArrayDeque<Runnable> queued = new java.util.ArrayDeque<>();
        SessionViewModel s = new SessionViewModel(backend, Runnable::run, Runnable::run);
        ProposalsViewModel slow = new ProposalsViewModel(backend, s, history, InstantSource.system(), queued::add, Runnable::run);
        s.refreshAccounts();
        s.unlock(ScriptedGovernance.PASSWORD.toCharArray());
        slow.refresh();
        queued.poll().run();
        slow.select(slow.proposals().get(0));
        while (!queued.isEmpty()) {
            queued.poll().run();
        }

        slow.requestVote(VoteOption.YES);
        slow.refresh();
        slow.refresh();
        assertThat(queued).as("one refresh, not two, beside the prepare").hasSize(2);
        queued.pollLast().run();
        assertThat(slow.busyProperty().get()).as("still preparing the vote").isTrue();
        assertThat(slow.canVoteProperty().get()).isFalse();
        queued.poll().run();
        assertThat(slow.pendingProperty().get()).isNotNull();
    }

    @Test
    void openProposalWithoutTheAccountsVoteSaysItHasNotVoted() {
        backend.proposals = List.of(aProposal(1, ProposalPhase.VOTING_PERIOD, 0), aProposal(3, ProposalPhase.VOTING_PERIOD, 0));
        openFirstProposal();
        vm.select(vm.proposals().get(1));
        assertThat(vm.myVoteProperty().get()).isEqualTo("alice has not voted on this proposal");
    }

    @Test
    void afterARejectedVoteTheOwnVoteIsReadFromTheChainAgain() {
        openFirstProposal();
        assertThat(vm.myVoteProperty().get()).isEqualTo("alice has not voted on this proposal");
        // Meanwhile the chain has alice's Yes (an earlier vote, e.g. from the command line); this one is rejected.
        backend.votes.put(1L, "yes");
        backend.outcome = new TxOutcome.Rejected(TxStep.BROADCAST, 32, "sdk", "account sequence mismatch", Optional.of("AB12"), 0);
        vm.requestVote(VoteOption.NO);
        vm.confirm();

        assertThat(vm.progressProperty().get()).endsWith("failed at broadcast");
        assertThat(vm.myVoteProperty().get()).isEqualTo("alice voted yes");
    }

    @Test
    void afterAnIncludedVoteTheOwnVoteComesFromChainState() {
        openFirstProposal();
        backend.votes.put(1L, "no");
        vm.requestVote(VoteOption.NO);
        vm.confirm();
        assertThat(vm.progressProperty().get()).endsWith("included at height 7");
        assertThat(vm.myVoteProperty().get()).isEqualTo("alice voted no");
    }

    @Test
    void aProposalTheChainStopsReturningStaysListedAsRemoved() {
        backend.proposals = List.of(aProposal(3, ProposalPhase.DEPOSIT_PERIOD, 0), aProposal(1, ProposalPhase.VOTING_PERIOD, 0));
        vm.refresh();
        vm.select(vm.proposals().get(0));
        // Its deposit period ended short of the minimum: the chain deletes it.
        backend.proposals = List.of(aProposal(1, ProposalPhase.VOTING_PERIOD, 0));
        vm.refresh();

        assertThat(vm.proposals()).extracting(ProposalSummary::id).containsExactly(3L, 1L);
        assertThat(vm.proposals().get(0).status()).isEqualTo(ProposalPhase.REMOVED);
        assertThat(vm.proposals().get(0).statusText()).isEqualTo("removed by the chain");
        assertThat(vm.selectedProperty().get().id()).as("selection kept").isEqualTo(3L);
    }

    @Test
    void theListFiltersByStatus() {
        backend.proposals = List.of(aProposal(3, ProposalPhase.DEPOSIT_PERIOD, 0), aProposal(2, ProposalPhase.PASSED, 600),
                aProposal(1, ProposalPhase.VOTING_PERIOD, 0));
        vm.refresh();
        vm.statusFilterProperty().set(ProposalPhase.VOTING_PERIOD);
        assertThat(vm.proposals()).extracting(ProposalSummary::id).containsExactly(1L);
        vm.statusFilterProperty().set(ProposalPhase.PASSED);
        assertThat(vm.proposals()).extracting(ProposalSummary::id).containsExactly(2L);
        vm.statusFilterProperty().set(null);
        assertThat(vm.proposals()).extracting(ProposalSummary::id).containsExactly(3L, 2L, 1L);
    }
}
