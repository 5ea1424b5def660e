package org.plurigrid.console.client.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.WeightedVoteOption;

class WeightedVoteTest {

    @Test
    void parsesWeightsAndWritesThemWithEighteenDecimals() {
        WeightedVote v = WeightedVote.parse("yes=0.7,no=0.3");
        assertThat(v.toProto()).containsExactly(
                WeightedVoteOption.newBuilder().setOption(VoteOption.VOTE_OPTION_YES).setWeight("0.700000000000000000").build(),
                WeightedVoteOption.newBuilder().setOption(VoteOption.VOTE_OPTION_NO).setWeight("0.300000000000000000").build());
        assertThat(v).hasToString("yes=0.7,no=0.3");
    }

    @Test
    void rejectsWeightedVoteNotSummingToOne() {
        assertThatThrownBy(() -> WeightedVote.parse("yes=0.7,no=0.2"))
                .hasMessage("Vote weights must sum to exactly 1, but they sum to 0.9");
        assertThatThrownBy(() -> WeightedVote.parse("yes=0.3333333333333333333,no=0.6666666666666666667"))
                .hasMessageContaining("more than 18 decimals");
    }

    @Test
    void rejectsZeroNegativeDuplicateAndUnknownOptions() {
        assertThatThrownBy(() -> WeightedVote.parse("yes=1,no=0")).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> WeightedVote.parse("yes=0.5,yes=0.5")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> WeightedVote.parse("maybe=1")).hasMessageContaining("not a vote option");
        assertThatThrownBy(() -> WeightedVote.parse("yes=abc")).hasMessageContaining("not a decimal number");
    }

    @Test
    void acceptsAllFourOptionsSummingToOne() {
        WeightedVote v = WeightedVote.parse("yes=0.25,no=0.25,abstain=0.25,no_with_veto=0.25");
        assertThat(v.weights()).hasSize(4);
    }
}
