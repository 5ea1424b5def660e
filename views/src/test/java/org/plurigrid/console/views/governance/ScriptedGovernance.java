package org.plurigrid.console.views.governance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.TxFee;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.TxStep;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.governance.ProposalPhase;
import org.plurigrid.console.client.governance.VoteOption;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.Tally;
import org.plurigrid.console.client.governance.VoteService;
import org.plurigrid.console.client.governance.WeightedVote;
import org.plurigrid.console.client.wallet.AccountAddress;
import org.plurigrid.console.client.wallet.KeystoreException;

/** A governance backend that answers from fields a test sets, and records what it was asked. */
final class ScriptedGovernance implements GovernanceActions {

    static final AccountAddress VOTER = AccountAddress.parse("cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5");
    static final String PASSWORD = "correct horse";

    static ProposalSummary aProposal(long id, ProposalPhase status, long yes) {
        return aProposal(id, status, new Tally(BigInteger.valueOf(yes), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO));
    }

    static ProposalSummary aProposal(long id, ProposalPhase status, Tally tally) {
        return new ProposalSummary(id, "Proposal " + id, "", status, Optional.of(Instant.parse("2026-01-01T00:00:00Z")), tally,
                BigInteger.valueOf(1000), new BigDecimal("0.334"), List.of(), List.of("1000ucosm"), "");
    }

    static UnsignedTx aVote(long id, VoteOption o) {
        return new UnsignedTx("plurigrid-devnet-1", VOTER, new byte[33], 3, 9, List.of(VoteService.voteMessage(id, o, VOTER.bech32())), "",
                new TxFee(CoinAmount.parse("1200ucosm"), 48_000), 37_000);
    }

    List<ProposalSummary> proposals = List.of(aProposal(1, ProposalPhase.VOTING_PERIOD, 0),
            aProposal(2, ProposalPhase.PASSED, 600));
    List<AccountEntry> accounts = List.of(new AccountEntry("alice", VOTER.bech32(), false),
            new AccountEntry("auditor", "cosmos1watch", true));
    TxOutcome outcome = new TxOutcome.Included("AB12", 7, 30_000, 48_000, List.of());
    RuntimeException prepareFailure;
    final Map<Long, String> votes = new HashMap<>();
    final AtomicInteger loads = new AtomicInteger();
    final AtomicReference<UnsignedTx> signed = new AtomicReference<>();
    final AtomicReference<WeightedVote> weighted = new AtomicReference<>();
    final List<char[]> passwordsSeen = new ArrayList<>();
    String unlocked;

    @Override
    public List<ProposalSummary> loadProposals() {
        loads.incrementAndGet();
        return proposals;
    }

    @Override
    public List<AccountEntry> accounts() {
        return accounts;
    }

    @Override
    public void unlock(String account, char[] password) {
        passwordsSeen.add(password);
        if (!new String(password).equals(PASSWORD)) {
            throw new KeystoreException.WrongPasswordException(account);
        }
        unlocked = account;
    }

    @Override
    public void lock() {
        unlocked = null;
    }

    @Override
    public AccountOverview account(String address) {
        return new AccountOverview(address, List.of("999998800ucosm"), Optional.of(BigInteger.valueOf(200_000)));
    }

    @Override
    public Optional<String> voteOf(long proposalId, String voter) {
        return Optional.ofNullable(votes.get(proposalId));
    }

    @Override
    public BigDecimal vetoThreshold() {
        return new BigDecimal("0.334");
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
        weighted.set(weights);
        return aVote(proposalId, VoteOption.YES);
    }

    @Override
    public TxOutcome sign(UnsignedTx tx, TxProgress progress) {
        signed.set(tx);
        progress.onStep(TxStep.SIGN, "");
        progress.onStep(TxStep.BROADCAST, "AB12");
        if (outcome instanceof TxOutcome.Included) {
            progress.onStep(TxStep.INCLUSION, "AB12");
        }
        return outcome;
    }
}
