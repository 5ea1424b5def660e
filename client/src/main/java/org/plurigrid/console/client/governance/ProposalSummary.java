package org.plurigrid.console.client.governance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the console shows of a proposal: status, voting end, live tally, turnout against quorum, its messages (as
 * JSON) and deposit.
 */
public record ProposalSummary(
        long id,
        String title,
        String summary,
        ProposalPhase status,
        Optional<Instant> votingEnd,
        Tally tally,
        BigInteger bondedTokens,
        BigDecimal quorum,
        List<String> messages,
        List<String> deposit,
        String proposer) {

    public ProposalSummary {
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(votingEnd, "votingEnd");
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(bondedTokens, "bondedTokens");
        Objects.requireNonNull(quorum, "quorum");
        messages = List.copyOf(messages);
        deposit = List.copyOf(deposit);
        proposer = proposer == null ? "" : proposer;
    }

    /** Share of bonded voting power that has voted, 0..1. */
    public BigDecimal turnout() {
        if (bondedTokens.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(tally.total()).divide(new BigDecimal(bondedTokens), 4, RoundingMode.DOWN);
    }

    public boolean quorumReached() {
        return turnout().compareTo(quorum) >= 0;
    }

    public boolean open() {
        return status == ProposalPhase.VOTING_PERIOD;
    }

    /** "voting period", "deposit period", "passed", "removed by the chain", … */
    public String statusText() {
        return status.text();
    }

    /** The same proposal marked as no longer returned by the chain (kept on screen so it does not silently vanish). */
    public ProposalSummary removed() {
        return new ProposalSummary(id, title, summary, ProposalPhase.REMOVED, votingEnd, tally, bondedTokens, quorum, messages, deposit, proposer);
    }
}
