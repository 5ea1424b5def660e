package org.plurigrid.console.maplayers.map;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.grid.ContingencyReport;
import org.plurigrid.console.client.grid.GeoPoint;
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridPoints;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSubstation;
import org.plurigrid.console.client.grid.GridTelemetryOverlay;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The map's view-model driven the way the app drives it live: overlay frames, N-1 reports, the sparkline trend. */
class SupergridMapLiveTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private final SupergridMapViewModel vm = new SupergridMapViewModel(InstantSource.fixed(T0.plusSeconds(60)),
            Duration.ofMinutes(5));

    /** Three substations in a row, two lines. */
    private static GridSnapshot aModel() {
        GeoPoint a = new GeoPoint(52.0, 5.0);
        GeoPoint b = new GeoPoint(52.1, 5.1);
        GeoPoint c = new GeoPoint(52.2, 5.2);
        return new GridSnapshot("test", T0, List.of(new GridArea("cg-x", "X", "Co-op", a)),
                List.of(new GridSubstation("x-sub-01", "S1", "cg-x", a, 150, 10, 0, 1, Map.of()),
                        new GridSubstation("x-sub-02", "S2", "cg-x", b, 150, 10, 0, 1, Map.of()),
                        new GridSubstation("x-sub-03", "S3", "cg-x", c, 150, 10, 30, 1, Map.of())),
                List.of(),
                List.of(new GridBranch("x-L1-2", "L1-2", GridBranch.Kind.LINE, "x-sub-01", "x-sub-02", List.of(a, b),
                                150, 5, 0, 50, 400, 12.5, false, true),
                        new GridBranch("x-L2-3", "L2-3", GridBranch.Kind.LINE, "x-sub-02", "x-sub-03", List.of(b, c),
                                150, -5, 0, 50, 400, 12.5, false, true)),
                List.of(), null);
    }

    private static Measurement loading(String branch, double percent, int second, Quality q) {
        return new Measurement(new PointId("cg-x", "x-ems", branch, GridPoints.BRANCH_LOADING), percent,
                T0.plusSeconds(second), q, "%");
    }

    private void pump(GridTelemetryOverlay overlay, Measurement... ms) {
        overlay.apply(List.of(ms));
        overlay.frame().ifPresent(f -> vm.applyFrame(f.snapshot(), f.qualityChanges()));
    }

    @Test
    void overlayFramesUpdateTheMapAndGreyAStaleLine() {
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(aModel());
        vm.update(overlay.snapshot());

        pump(overlay, loading("x-L1-2", 91, 5, Quality.GOOD));
        assertThat(vm.snapshotProperty().get().branch("x-L1-2").orElseThrow().loadingPercent()).isEqualTo(91);
        assertThat(vm.isStale("x-L1-2")).isFalse();

        pump(overlay, loading("x-L1-2", 91, 5, Quality.STALE));
        assertThat(vm.isStale("x-L1-2")).isTrue();
        assertThat(vm.isStale("x-L2-3")).isFalse();
    }

    @Test
    void sparklineTrendKeepsTheSelectedAssetsValuesPerFrameAndResetsOnANewSelection() {
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(aModel());
        vm.update(overlay.snapshot());
        vm.select("x-L1-2");

        for (int i = 1; i <= 5; i++) {
            pump(overlay, loading("x-L1-2", 10 * i, i, Quality.GOOD));
        }
        vm.updateAlarms(Map.of("x-L1-2", 2)); // a refresh without new data adds no point

        assertThat(vm.trendProperty().get().values()).containsExactly(12.5, 10, 20, 30, 40, 50);
        assertThat(vm.trendProperty().get().unit()).isEqualTo("%");

        vm.select("x-sub-03");
        assertThat(vm.trendProperty().get().values()).containsExactly(-20.0);
        vm.clearSelection();
        assertThat(vm.trendProperty().get()).isNull();
    }

    @Test
    void trendIsBoundedToTheLastValues() {
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(aModel());
        vm.update(overlay.snapshot());
        vm.select("x-L1-2");

        for (int i = 1; i <= SupergridMapViewModel.TREND_LENGTH + 30; i++) {
            pump(overlay, loading("x-L1-2", i, i, Quality.GOOD));
        }

        double[] v = vm.trendProperty().get().values();
        assertThat(v).hasSize(SupergridMapViewModel.TREND_LENGTH);
        assertThat(v[v.length - 1]).isEqualTo(SupergridMapViewModel.TREND_LENGTH + 30);
    }

    @Test
    void choosingAnOutageFromTheSecurityListShowsItAndSelectsWhatItOverloads() {
        vm.update(aModel());
        ContingencyReport.Outcome a = new ContingencyReport.Outcome("x-L1-2", "CONVERGED",
                List.of(new ContingencyReport.Overload("x-L2-3", 480, 400)));
        ContingencyReport.Outcome b = new ContingencyReport.Outcome("x-L2-3", "CONVERGED",
                List.of(new ContingencyReport.Overload("x-L1-2", 420, 400)));
        vm.updateContingencyReport(new ContingencyReport(2, List.of(b, a), false, Duration.ofMillis(20)));

        assertThat(vm.contingencyReportProperty().get().overloading()).first()
                .satisfies(o -> assertThat(o.outagedBranchId()).isEqualTo("x-L1-2"));
        vm.showOutage(b);

        assertThat(vm.contingencyProperty().get()).isEqualTo(b);
        assertThat(vm.selectedIdProperty().get()).isEqualTo("x-L1-2");
        assertThat(vm.detailProperty().get().value("N-1 loading")).hasValueSatisfying(t -> assertThat(t).contains("105.0"));

        vm.updateContingencyReport(new ContingencyReport(2, List.of(a), false, Duration.ofMillis(20)));
        assertThat(vm.contingencyProperty().get()).as("outage no longer in the list is cleared").isNull();
    }
}
