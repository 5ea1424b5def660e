package org.plurigrid.console.client.governance;

import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;

/**
 * Where a proposal is in its life, as the console shows it: the chain's statuses, and {@link #REMOVED} for one the
 * console saw that the chain no longer returns (the SDK deletes a proposal whose deposit period ends short of the
 * minimum deposit).
 */
public enum ProposalPhase {
    DEPOSIT_PERIOD("deposit period"),
    VOTING_PERIOD("voting period"),
    PASSED("passed"),
    REJECTED("rejected"),
    FAILED("failed"),
    REMOVED("removed by the chain"),
    UNKNOWN("unknown status");

    private final String text;

    ProposalPhase(String text) {
        this.text = text;
    }

    /** "voting period", "passed", "removed by the chain", … */
    public String text() {
        return text;
    }

    public static ProposalPhase of(ProposalStatus s) {
        return switch (s) {
            case PROPOSAL_STATUS_DEPOSIT_PERIOD -> DEPOSIT_PERIOD;
            case PROPOSAL_STATUS_VOTING_PERIOD -> VOTING_PERIOD;
            case PROPOSAL_STATUS_PASSED -> PASSED;
            case PROPOSAL_STATUS_REJECTED -> REJECTED;
            case PROPOSAL_STATUS_FAILED -> FAILED;
            default -> UNKNOWN;
        };
    }
}
