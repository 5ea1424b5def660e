package org.plurigrid.console.views.governance;

import java.util.List;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.WeightedVote;

/**
 * What the proposals screen asks of the services. The app implements it with {@code GovernanceService},
 * {@code VoteService} and the session's unlocked key; all calls block and run off the FX thread.
 */
public interface GovernanceActions {

    List<ProposalSummary> loadProposals();

    /** Builds the vote to confirm (chain, account, message, fee); throws ChainException when it cannot. */
    UnsignedTx prepareVote(long proposalId, VoteOption option);

    UnsignedTx prepareWeightedVote(long proposalId, WeightedVote weights);

    /** Signs exactly {@code tx} with the session key, broadcasts it and follows it to inclusion. */
    TxOutcome sign(UnsignedTx tx, TxProgress progress);
}
