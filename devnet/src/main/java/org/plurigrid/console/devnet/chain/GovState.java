package org.plurigrid.console.devnet.chain;

import com.google.protobuf.Any;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgDeposit;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVote;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVoteWeighted;
import org.plurigrid.console.client.chain.proto.cosmos.base.v1beta1.Coin;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Proposal;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.TallyResult;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Vote;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.WeightedVoteOption;
import org.plurigrid.console.client.chain.proto.tendermint.abci.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devnet's x/gov v1: proposals through their lifecycle (deposit period, voting period, tally), votes, deposits into
 * the gov module's account, and the end-of-block step. Voting power is bonded stake from the {@link BankState}. Called
 * under {@link ChainState}'s lock.
 */
final class GovState {

    private static final Logger LOG = LoggerFactory.getLogger(GovState.class);
    private static final BigDecimal ONE = BigDecimal.ONE;

    static final class ProposalState {
        long id;
        List<Any> messages = List.of();
        ProposalStatus status;
        Instant submitTime;
        Instant depositEndTime;
        Instant votingStartTime;
        Instant votingEndTime;
        Map<String, BigInteger> deposit = new TreeMap<>();
        String title = "";
        String summary = "";
        String metadata = "";
        String proposer = "";
        TallyResult finalTally;
        final Map<String, List<WeightedVoteOption>> votes = new LinkedHashMap<>();
    }

    private final DevnetChain.Options options;
    private final BankState bank;
    private final String moduleAddress;
    private final TreeMap<Long, ProposalState> proposals = new TreeMap<>();
    private long nextProposalId = 1;

    /** Opens the gov module's account in {@code bank}: before genesis funds anyone, so it keeps account number 0. */
    GovState(DevnetChain.Options options, BankState bank) {
        this.options = options;
        this.bank = bank;
        this.moduleAddress = BankState.moduleAddress(options.bech32Prefix(), "gov");
        bank.open(moduleAddress);
    }

    String moduleAddress() {
        return moduleAddress;
    }

    /** Adds a proposal directly (genesis, tests); it starts in deposit period, or voting period when {@code deposit} suffices. */
    long addProposal(String title, String summary, String proposer, List<Any> messages, long deposit, Instant blockTime) {
        ProposalState p = new ProposalState();
        p.id = nextProposalId++;
        p.title = title;
        p.summary = summary;
        p.proposer = proposer;
        p.messages = List.copyOf(messages);
        p.metadata = "ipfs://devnet/proposal-" + p.id;
        p.submitTime = blockTime;
        p.depositEndTime = blockTime.plus(options.depositPeriod());
        p.status = ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD;
        p.deposit.put(options.feeDenom(), BigInteger.valueOf(deposit));
        proposals.put(p.id, p);
        activateIfDeposited(p, blockTime);
        return p.id;
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    List<Proposal> proposals(ProposalStatus status, String voter) {
        return proposals.values().stream()
                .filter(p -> status == ProposalStatus.PROPOSAL_STATUS_UNSPECIFIED || p.status == status)
                .filter(p -> voter.isEmpty() || p.votes.containsKey(voter))
                .map(GovState::toProto).toList();
    }

    Optional<Proposal> proposal(long id) {
        return Optional.ofNullable(proposals.get(id)).map(GovState::toProto);
    }

    Optional<TallyResult> tally(long id) {
        ProposalState p = proposals.get(id);
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(p.finalTally != null ? p.finalTally : tallyCounts(p));
    }

    Optional<Vote> vote(long id, String voter) {
        ProposalState p = proposals.get(id);
        if (p == null || !p.votes.containsKey(voter)) {
            return Optional.empty();
        }
        return Optional.of(Vote.newBuilder().setProposalId(id).setVoter(voter).addAllOptions(p.votes.get(voter)).build());
    }

    /** Votes on a proposal in the order they were cast (none for an unknown or tallied proposal). */
    List<Vote> votes(long id) {
        ProposalState p = proposals.get(id);
        if (p == null) {
            return List.of();
        }
        return p.votes.entrySet().stream()
                .map(e -> Vote.newBuilder().setProposalId(id).setVoter(e.getKey()).addAllOptions(e.getValue()).build()).toList();
    }

    private static Proposal toProto(ProposalState p) {
        Proposal.Builder b = Proposal.newBuilder()
                .setId(p.id).addAllMessages(p.messages).setStatus(p.status)
                .setFinalTallyResult(p.finalTally != null ? p.finalTally : zeroTally())
                .setSubmitTime(ChainState.ts(p.submitTime)).setDepositEndTime(ChainState.ts(p.depositEndTime))
                .setMetadata(p.metadata).setTitle(p.title).setSummary(p.summary).setProposer(p.proposer);
        p.deposit.forEach((d, v) -> b.addTotalDeposit(Coin.newBuilder().setDenom(d).setAmount(v.toString())));
        if (p.votingStartTime != null) {
            b.setVotingStartTime(ChainState.ts(p.votingStartTime)).setVotingEndTime(ChainState.ts(p.votingEndTime));
        }
        return b.build();
    }

    private static TallyResult zeroTally() {
        return TallyResult.newBuilder().setYesCount("0").setNoCount("0").setAbstainCount("0").setNoWithVetoCount("0").build();
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    /** {@code /cosmos.gov.v1.MsgVote}: one option with the whole weight. */
    List<Event> vote(MsgVote v, String voter, boolean apply) throws TxFailure {
        if (v.getOption() == VoteOption.VOTE_OPTION_UNSPECIFIED || v.getOptionValue() > 4 || v.getOptionValue() < 0) {
            throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, v.getOptionValue() + ": invalid vote option");
        }
        List<WeightedVoteOption> opts = List.of(WeightedVoteOption.newBuilder().setOption(v.getOption())
                .setWeight("1.000000000000000000").build());
        return castVote(v.getProposalId(), voter, opts, MsgTypes.VOTE, apply);
    }

    /** {@code /cosmos.gov.v1.MsgVoteWeighted}: weights of distinct options summing to one. */
    List<Event> voteWeighted(MsgVoteWeighted v, String voter, boolean apply) throws TxFailure {
        validateWeights(v.getOptionsList());
        return castVote(v.getProposalId(), voter, v.getOptionsList(), MsgTypes.VOTE_WEIGHTED, apply);
    }

    private List<Event> castVote(long id, String voter, List<WeightedVoteOption> options, String action, boolean apply) throws TxFailure {
        ProposalState p = proposals.get(id);
        if (p == null) {
            throw TxFailure.gov(TxFailure.GOV_UNKNOWN_PROPOSAL, id + ": unknown proposal");
        }
        if (p.status != ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
            throw TxFailure.gov(TxFailure.GOV_INACTIVE_PROPOSAL, id + ": inactive proposal");
        }
        if (!apply) {
            return List.of();
        }
        p.votes.put(voter, List.copyOf(options));
        StringBuilder json = new StringBuilder("[");
        for (WeightedVoteOption o : options) {
            json.append(json.length() > 1 ? "," : "").append("{\"option\":").append(o.getOptionValue())
                    .append(",\"weight\":\"").append(o.getWeight()).append("\"}");
        }
        json.append(']');
        return List.of(ChainEvents.event("message", "action", action, "sender", voter, "module", "governance"),
                ChainEvents.event("proposal_vote", "option", json.toString(), "proposal_id", Long.toString(id), "voter", voter));
    }

    private static void validateWeights(List<WeightedVoteOption> options) throws TxFailure {
        if (options.isEmpty()) {
            throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "no vote options: invalid vote option");
        }
        EnumSet<VoteOption> seen = EnumSet.noneOf(VoteOption.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (WeightedVoteOption o : options) {
            if (o.getOptionValue() < 1 || o.getOptionValue() > 4) {
                throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, o.getOptionValue() + ": invalid vote option");
            }
            if (!seen.add(o.getOption())) {
                throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "duplicated vote option: invalid vote option");
            }
            BigDecimal w;
            try {
                w = new BigDecimal(o.getWeight());
            } catch (NumberFormatException e) {
                throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "invalid weight " + o.getWeight() + ": invalid vote option");
            }
            if (w.signum() <= 0 || w.compareTo(ONE) > 0) {
                throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "invalid weight " + o.getWeight() + ": invalid vote option");
            }
            sum = sum.add(w);
        }
        if (sum.compareTo(ONE) > 0) {
            throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "total weight overflow 1.00: invalid vote option");
        }
        if (sum.compareTo(ONE) < 0) {
            throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "total weight lower than 1.00: invalid vote option");
        }
    }

    /** {@code /cosmos.gov.v1.MsgDeposit}: the coins go to the gov module's account; enough of them opens the vote. */
    List<Event> deposit(MsgDeposit d, boolean apply, Instant blockTime) throws TxFailure {
        ProposalState p = proposals.get(d.getProposalId());
        if (p == null) {
            throw TxFailure.gov(TxFailure.GOV_UNKNOWN_PROPOSAL, d.getProposalId() + ": unknown proposal");
        }
        if (p.status != ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD && p.status != ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
            throw TxFailure.gov(TxFailure.GOV_INACTIVE_PROPOSAL, d.getProposalId() + ": inactive proposal");
        }
        bank.requireSpendable(d.getDepositor(), d.getAmountList());
        if (!apply) {
            return List.of();
        }
        bank.move(d.getDepositor(), moduleAddress, d.getAmountList());
        for (Coin c : d.getAmountList()) {
            p.deposit.merge(c.getDenom(), new BigInteger(c.getAmount()), BigInteger::add);
        }
        activateIfDeposited(p, blockTime);
        return List.of(ChainEvents.event("message", "action", MsgTypes.DEPOSIT, "sender", d.getDepositor(), "module", "governance"),
                ChainEvents.event("proposal_deposit", "proposal_id", Long.toString(p.id), "depositor", d.getDepositor()));
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    private void activateIfDeposited(ProposalState p, Instant blockTime) {
        if (p.status == ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD
                && p.deposit.getOrDefault(options.feeDenom(), BigInteger.ZERO).compareTo(BigInteger.valueOf(options.minDeposit())) >= 0) {
            p.status = ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD;
            p.votingStartTime = blockTime;
            p.votingEndTime = blockTime.plus(options.votingPeriod());
        }
    }

    /** The end-of-block step: unmet deposit periods end, finished voting periods are tallied. */
    void endBlock(long height, Instant blockTime) {
        List<Long> expired = new ArrayList<>();
        for (ProposalState p : proposals.values()) {
            if (p.status == ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD && !blockTime.isBefore(p.depositEndTime)) {
                expired.add(p.id); // the SDK deletes proposals whose deposit period ends unmet (and burns the deposit)
            } else if (p.status == ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD && !blockTime.isBefore(p.votingEndTime)) {
                finishVoting(p, height);
            }
        }
        expired.forEach(proposals::remove);
    }

    private void finishVoting(ProposalState p, long height) {
        TallyResult t = tallyCounts(p);
        BigDecimal yes = new BigDecimal(t.getYesCount());
        BigDecimal no = new BigDecimal(t.getNoCount());
        BigDecimal abstain = new BigDecimal(t.getAbstainCount());
        BigDecimal veto = new BigDecimal(t.getNoWithVetoCount());
        BigDecimal total = yes.add(no).add(abstain).add(veto);
        BigDecimal bonded = new BigDecimal(bank.totalBonded());
        boolean passes;
        if (bonded.signum() == 0 || total.divide(bonded, 18, RoundingMode.DOWN).compareTo(options.quorum()) < 0) {
            passes = false; // quorum not reached
        } else if (total.subtract(abstain).signum() == 0) {
            passes = false; // everyone abstained
        } else if (veto.divide(total, 18, RoundingMode.DOWN).compareTo(options.vetoThreshold()) > 0) {
            passes = false; // vetoed
        } else {
            passes = yes.divide(total.subtract(abstain), 18, RoundingMode.DOWN).compareTo(options.threshold()) > 0;
        }
        p.finalTally = t;
        p.status = passes ? ProposalStatus.PROPOSAL_STATUS_PASSED : ProposalStatus.PROPOSAL_STATUS_REJECTED;
        p.votes.clear(); // the SDK deletes votes once tallied
        LOG.info("Block {}: proposal {} {}", height, p.id, passes ? "passed" : "rejected");
    }

    /** Voting power is bonded stake; a weighted vote splits the voter's power by its weights (truncated to integers). */
    private TallyResult tallyCounts(ProposalState p) {
        Map<VoteOption, BigDecimal> sums = new EnumMap<>(VoteOption.class);
        p.votes.forEach((voter, opts) -> {
            BigDecimal power = new BigDecimal(bank.bonded(voter));
            for (WeightedVoteOption o : opts) {
                sums.merge(o.getOption(), power.multiply(new BigDecimal(o.getWeight())), BigDecimal::add);
            }
        });
        Function<VoteOption, String> count = o ->
                sums.getOrDefault(o, BigDecimal.ZERO).setScale(0, RoundingMode.DOWN).toPlainString();
        return TallyResult.newBuilder()
                .setYesCount(count.apply(VoteOption.VOTE_OPTION_YES))
                .setNoCount(count.apply(VoteOption.VOTE_OPTION_NO))
                .setAbstainCount(count.apply(VoteOption.VOTE_OPTION_ABSTAIN))
                .setNoWithVetoCount(count.apply(VoteOption.VOTE_OPTION_NO_WITH_VETO))
                .build();
    }
}
