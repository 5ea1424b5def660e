package org.plurigrid.console.views.governance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.governance.VoteOption;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.WeightedVote;

/**
 * What the governance screens ask of the services. The app implements it over the keystore, {@code ChainClient},
 * {@code GovernanceService} and {@code VoteService}; every call may block and runs off the FX thread. One account at a
 * time is unlocked for the session; votes are prepared and signed with it.
 */
public interface GovernanceActions {

    List<ProposalSummary> loadProposals();

    /** The keystore's accounts, without secrets. */
    List<AccountEntry> accounts();

    /**
     * Decrypts {@code account}'s key for this session (replacing any other) and clears {@code password}.
     *
     * @throws RuntimeException with a message for the operator (wrong password, watch-only, unreadable key)
     */
    void unlock(String account, char[] password);

    /** Forgets the session key. */
    void lock();

    /** Balances and voting power of {@code address}. */
    AccountOverview account(String address);

    /** How {@code voter} voted on the proposal ("yes", "yes 0.7, no 0.3"), or empty if it has not. */
    Optional<String> voteOf(long proposalId, String voter);

    /** The chain's veto threshold (share of the votes cast), to flag a proposal at risk of a veto. */
    BigDecimal vetoThreshold();

    /** Builds the vote to confirm (chain, account, message, fee) with the unlocked key; throws when it cannot. */
    UnsignedTx prepareVote(long proposalId, VoteOption option);

    UnsignedTx prepareWeightedVote(long proposalId, WeightedVote weights);

    /** Signs exactly {@code tx} with the session key, broadcasts it and follows it to inclusion. */
    TxOutcome sign(UnsignedTx tx, TxProgress progress);
}
