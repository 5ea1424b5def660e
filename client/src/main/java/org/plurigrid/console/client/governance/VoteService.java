package org.plurigrid.console.client.governance;

import com.google.protobuf.Any;
import java.util.List;
import java.util.Optional;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainException;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.TxStep;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVote;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVoteWeighted;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Proposal;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;
import org.plurigrid.console.client.wallet.AccountAddress;
import org.plurigrid.console.client.wallet.SigningKey;

/**
 * Casting gov v1 votes: builds MsgVote / MsgVoteWeighted, checks the proposal is open for votes, then hands the
 * transaction to the {@link ChainClient}. {@code prepare*} returns what the confirmation shows; {@code vote*} does it all.
 */
public final class VoteService {

    private final ChainClient chain;

    public VoteService(ChainClient chain) {
        this.chain = chain;
    }

    public static Any voteMessage(long proposalId, VoteOption option, String voter) {
        java.util.Objects.requireNonNull(option, "Choose yes, no, abstain or no_with_veto");
        return TxSigner.pack(MsgVote.newBuilder().setProposalId(proposalId).setVoter(voter).setOption(option.toProto()).build());
    }

    public static Any weightedVoteMessage(long proposalId, WeightedVote weights, String voter) {
        return TxSigner.pack(MsgVoteWeighted.newBuilder().setProposalId(proposalId).setVoter(voter)
                .addAllOptions(weights.toProto()).build());
    }

    /** @throws ChainException if the proposal is not in its voting period or the chain refuses the vote */
    public UnsignedTx prepareVote(long proposalId, VoteOption option, AccountAddress voter, byte[] publicKey, String memo) {
        requireVotingPeriod(proposalId);
        return chain.prepare(List.of(voteMessage(proposalId, option, voter.bech32())), memo, voter, publicKey);
    }

    /** @throws ChainException if the proposal is not in its voting period or the chain refuses the vote */
    public UnsignedTx prepareWeightedVote(long proposalId, WeightedVote weights, AccountAddress voter, byte[] publicKey, String memo) {
        requireVotingPeriod(proposalId);
        return chain.prepare(List.of(weightedVoteMessage(proposalId, weights, voter.bech32())), memo, voter, publicKey);
    }

    public TxOutcome vote(long proposalId, VoteOption option, SigningKey key, TxProgress progress) {
        AccountAddress voter = key.address(chain.config().bech32Prefix());
        return run(() -> prepareVote(proposalId, option, voter, key.publicKey(), ""), key, progress);
    }

    public TxOutcome voteWeighted(long proposalId, WeightedVote weights, SigningKey key, TxProgress progress) {
        AccountAddress voter = key.address(chain.config().bech32Prefix());
        return run(() -> prepareWeightedVote(proposalId, weights, voter, key.publicKey(), ""), key, progress);
    }

    private TxOutcome run(java.util.function.Supplier<UnsignedTx> prepare, SigningKey key, TxProgress progress) {
        UnsignedTx tx;
        try {
            progress.onStep(TxStep.SIMULATE, "checking the proposal and estimating gas");
            tx = prepare.get();
        } catch (ChainException e) {
            return new TxOutcome.Rejected(e.step(), 0, "", e.getMessage(), Optional.empty(), 0);
        }
        return chain.signAndSubmit(tx, key, progress);
    }

    private void requireVotingPeriod(long proposalId) {
        chain.checkChainId();
        Proposal p = chain.proposal(proposalId);
        if (p.getStatus() != ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
            throw new ChainException(TxStep.SIMULATE, "Proposal " + proposalId + " is not in its voting period (it is "
                    + statusName(p.getStatus()) + "): votes are not accepted now");
        }
    }

    /** "deposit period", "voting period", "passed", … */
    public static String statusName(ProposalStatus s) {
        return switch (s) {
            case PROPOSAL_STATUS_DEPOSIT_PERIOD -> "in deposit period";
            case PROPOSAL_STATUS_VOTING_PERIOD -> "in voting period";
            case PROPOSAL_STATUS_PASSED -> "passed";
            case PROPOSAL_STATUS_REJECTED -> "rejected";
            case PROPOSAL_STATUS_FAILED -> "failed";
            default -> "of unknown status";
        };
    }
}
