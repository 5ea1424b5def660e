package org.plurigrid.console.devnet.grid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardRatingsTest {

    @Test
    void roundsUpToTheR10SeriesAcrossDecades() {
        assertThat(StandardRatings.roundUp(396)).isEqualTo(400);
        assertThat(StandardRatings.roundUp(400)).isEqualTo(400);
        assertThat(StandardRatings.roundUp(401)).isEqualTo(500);
        assertThat(StandardRatings.roundUp(2600)).isEqualTo(3150);
        assertThat(StandardRatings.roundUp(8100)).isEqualTo(10000);
        assertThat(StandardRatings.roundUp(29)).isEqualTo(31.5);
        assertThat(StandardRatings.roundUp(0.9)).isEqualTo(1.0);
    }

    @Test
    void stepsBelowToTheNextSmallerStandardValue() {
        assertThat(StandardRatings.stepBelow(395.6)).isEqualTo(315);
        assertThat(StandardRatings.stepBelow(400)).isEqualTo(315);
        assertThat(StandardRatings.stepBelow(1000)).isEqualTo(800);
        assertThat(StandardRatings.stepBelow(1001)).isEqualTo(1000);
    }

    @Test
    void refusesNonPositiveRatings() {
        assertThatThrownBy(() -> StandardRatings.roundUp(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardRatings.roundUp(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
