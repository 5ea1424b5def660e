package org.plurigrid.console.devnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Proposal;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;

/** New proposals arrive over time on a devnet, bounded, and stay open for hours. */
class ProposalArrivalsTest {

    @Test
    void proposalsArriveUpToTheBoundMostlyInVotingPeriodAndOpenForHours() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        DevnetChain.Options options = DevnetChain.Options.defaults().withClock(clock);
        ChainState state = new ChainState(options, clock);
        ProposalArrivals arrivals = new ProposalArrivals(state, options, state.govModuleAddress());

        int added = 0;
        while (arrivals.next()) {
            added++;
        }

        assertThat(added).isEqualTo(DevnetChain.MAX_ARRIVALS);
        assertThat(arrivals.next()).isFalse();
        var all = state.proposals(ProposalStatus.PROPOSAL_STATUS_UNSPECIFIED, "");
        assertThat(all).hasSize(DevnetChain.MAX_ARRIVALS);
        assertThat(all).extracting(Proposal::getTitle).doesNotHaveDuplicates();
        long voting = all.stream().filter(p -> p.getStatus() == ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD).count();
        assertThat(voting).isEqualTo(10);
        Proposal first = all.get(0);
        assertThat(first.getVotingEndTime().getSeconds() - first.getVotingStartTime().getSeconds()).isGreaterThanOrEqualTo(3 * 3600);
        assertThat(DevnetChain.Options.defaults().proposalArrival()).isPositive();
    }
}
