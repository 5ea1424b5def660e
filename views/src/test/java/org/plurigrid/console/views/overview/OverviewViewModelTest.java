package org.plurigrid.console.views.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.plurigrid.console.views.common.Points.power;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.SupergridSummary;
import org.plurigrid.console.client.telemetry.TelemetryStats;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;
import org.plurigrid.console.views.common.FakeTelemetryFeed;
import org.plurigrid.console.views.common.FramePump;
import org.plurigrid.console.views.common.TestClock;
import org.plurigrid.console.views.points.PointTableViewModel;

@ExtendWith(FxThreadExtension.class)
class OverviewViewModelTest {

    private TestClock clock;
    private FakeTelemetryFeed feed;
    private FramePump pump;
    private OverviewViewModel vm;
    private SupergridSummary summary = SupergridSummary.EMPTY;

    @BeforeEach
    void setUp() {
        clock = TestClock.at("2026-11-25T12:00:00Z");
        feed = new FakeTelemetryFeed();
        vm = new OverviewViewModel(new PointTableViewModel(clock), () -> summary, clock);
        pump = new FramePump(feed);
        pump.addListener(vm);
    }

    private static SupergridSummary load(double loadKw, double generationKw, double share) {
        return new SupergridSummary(loadKw, generationKw, share, 3, 10, 100, 0);
    }

    @Test
    void publishesTheClientsTotalsInMegawattsAndFeedsThePointTable() {
        summary = load(1500, 750, 0.5);
        feed.push(power("load-0001", 1500), power("pv-0001", 600), power("wind-0001", 150));

        pump.pumpOnce();

        assertThat(vm.totalLoadMwProperty().get()).isCloseTo(1.5, within(1e-9));
        assertThat(vm.generationMwProperty().get()).isCloseTo(0.75, within(1e-9));
        assertThat(vm.renewableSharePercentProperty().get()).isCloseTo(50.0, within(1e-9));
        assertThat(vm.points().rows()).hasSize(3);
    }

    @Test
    void publishesTwiceASecondWhileTheTableFollowsEveryFrame() {
        summary = load(1000, 0, 0);
        feed.push(power("load-0001", 1000));
        pump.pumpOnce();
        clock.advance(Duration.ofMillis(100));

        summary = load(2000, 0, 0);
        feed.push(power("load-0001", 2000));
        pump.pumpOnce();

        assertThat(vm.totalLoadMwProperty().get()).as("held until the next publish").isEqualTo(1.0);
        assertThat(vm.points().rows().getFirst().valueProperty().get()).isEqualTo(2000.0);

        clock.advance(Duration.ofMillis(400));
        pump.pumpOnce();
        assertThat(vm.totalLoadMwProperty().get()).isEqualTo(2.0);
    }

    @Test
    void showsPipelineCountersFromTheStats() {
        feed.stats(new TelemetryStats(12_345, 900, Map.of("seq-gap", 2L, "not-protobuf", 5L), 1234.5, 36, 7));

        pump.pumpOnce();

        assertThat(vm.liveEdgeNodesProperty().get()).isEqualTo(36);
        assertThat(vm.messageRateProperty().get()).isEqualTo(1234.5);
        assertThat(vm.decodeErrorsProperty().get()).isEqualTo(7);
        assertThat(vm.decodeErrorDetailProperty().get()).isEqualTo("not-protobuf 5 · seq-gap 2");
        assertThat(vm.notGoodPointsProperty().get()).isEqualTo(7);
        assertThat(vm.receivingProperty().get()).isTrue();
    }

    @Test
    void dataBeforeBirthIsShownButNotCountedAsMalformed() {
        feed.stats(new TelemetryStats(500, 90, Map.of("no-birth", 349L, "unknown-alias", 1L), 50, 24, 0));

        pump.pumpOnce();

        assertThat(vm.decodeErrorsProperty().get()).isEqualTo(1);
        assertThat(vm.decodeErrorDetailProperty().get()).isEqualTo("no-birth 349 · unknown-alias 1");
    }

    @Test
    void saysNoneWhenThereAreNoDecodeErrors() {
        vm.onFrame(new ChangeSet(List.of(), TelemetryStats.EMPTY));

        assertThat(vm.decodeErrorsProperty().get()).isZero();
        assertThat(vm.decodeErrorDetailProperty().get()).isEqualTo("none");
        assertThat(vm.receivingProperty().get()).isFalse();
    }
}
