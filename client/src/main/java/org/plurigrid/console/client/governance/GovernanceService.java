package org.plurigrid.console.client.governance;

import com.google.protobuf.Timestamp;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.TxJson;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Proposal;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Vote;
import org.plurigrid.console.client.wallet.AccountAddress;

/** Reads proposals for the console: summaries with live tallies and turnout, newest first. Blocking: call off the FX thread. */
public final class GovernanceService {

    private final ChainClient chain;

    public GovernanceService(ChainClient chain) {
        this.chain = chain;
    }

    public List<ProposalSummary> proposals() {
        BigInteger bonded = chain.bondedTokens();
        BigDecimal quorum = quorum();
        return chain.proposals(ProposalStatus.PROPOSAL_STATUS_UNSPECIFIED).stream()
                .sorted(Comparator.comparingLong(Proposal::getId).reversed())
                .map(p -> summary(p, bonded, quorum)).toList();
    }

    public ProposalSummary proposal(long id) {
        return summary(chain.proposal(id), chain.bondedTokens(), quorum());
    }

    public Optional<Vote> voteOf(long proposalId, AccountAddress voter) {
        return chain.vote(proposalId, voter.bech32());
    }

    private BigDecimal quorum() {
        String q = chain.govParams().getQuorum();
        return q.isEmpty() ? BigDecimal.ZERO : new BigDecimal(q);
    }

    private ProposalSummary summary(Proposal p, BigInteger bonded, BigDecimal quorum) {
        boolean open = p.getStatus() == ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD;
        return new ProposalSummary(p.getId(), p.getTitle(), p.getSummary(), ProposalPhase.of(p.getStatus()), instant(p.getVotingEndTime()),
                open ? Tally.of(chain.tally(p.getId())) : Tally.of(p.getFinalTallyResult()), bonded, quorum,
                p.getMessagesList().stream().map(TxJson::compact).toList(),
                p.getTotalDepositList().stream().map(c -> CoinAmount.of(c).toString()).toList(), p.getProposer());
    }

    private static Optional<Instant> instant(Timestamp t) {
        return t.getSeconds() == 0 && t.getNanos() == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
    }
}
