package org.plurigrid.console.maplayers.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void scalesToTheLowestAndHighestValueSkippingGaps() {
        assertThat(Sparkline.yRange(new double[]{61.0, Double.NaN, 58.5, 60.2})).containsExactly(58.5, 61.0);
    }

    @Test
    void aSteadyValueSitsMidHeightNotOnTheFloor() {
        double[] r = Sparkline.yRange(new double[]{60.2, 60.2, 60.2});
        assertThat(r).containsExactly(new double[]{59.7, 60.7}, org.assertj.core.data.Offset.offset(1e-9));
        assertThat((60.2 - r[0]) / (r[1] - r[0])).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void noValueGivesNoScale() {
        assertThat(Sparkline.yRange(new double[]{Double.NaN})).isNull();
        assertThat(Sparkline.yRange(new double[0])).isNull();
    }
}
