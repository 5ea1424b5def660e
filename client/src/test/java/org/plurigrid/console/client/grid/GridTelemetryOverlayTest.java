package org.plurigrid.console.client.grid;

import org.plurigrid.console.client.telemetry.DerType;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GridTelemetryOverlayTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    /** Two areas, two substations each side, one internal line and one interconnector, one PV under a-sub-01. */
    private static GridSnapshot aModel() {
        GeoPoint pa = new GeoPoint(52.0, 5.0);
        GeoPoint pb = new GeoPoint(52.1, 5.1);
        GeoPoint pc = new GeoPoint(52.5, 5.5);
        return new GridSnapshot("test", T0,
                List.of(new GridArea("cg-a", "A", "Co-op A", pa), new GridArea("cg-b", "B", "Co-op B", pc)),
                List.of(new GridSubstation("a-sub-01", "A1", "cg-a", pa, 150, 10, 0, 1.0, Map.of(DerType.PV, 1)),
                        new GridSubstation("a-sub-02", "A2", "cg-a", pb, 150, 5, 20, 1.0, Map.of()),
                        new GridSubstation("b-sub-01", "B1", "cg-b", pc, 150, 8, 0, 1.0, Map.of())),
                List.of(new GridBus("a-VL1_0", "a-sub-01", 150, 1.0, 0), new GridBus("b-VL1_0", "b-sub-01", 150, 1.0, 0)),
                List.of(new GridBranch("a-L1-2", "A1-A2", GridBranch.Kind.LINE, "a-sub-01", "a-sub-02", List.of(pa, pb),
                                150, 3, 0, 12, 400, 3, false, true),
                        new GridBranch("ic-a-b-1", "A-B", GridBranch.Kind.LINE, "a-sub-02", "b-sub-01", List.of(pb, pc),
                                150, 1, 0, 4, 400, 1, true, true)),
                List.of(new GridDer("a-sub-01/pv-0001", DerType.PV, "a-sub-01", pa, 100, 40)),
                null);
    }

    private static Measurement m(String group, String node, String device, String metric, double v, Quality q) {
        return new Measurement(new PointId(group, node, device, metric), v, T0.plusSeconds(5), q, "");
    }

    private static Measurement good(String group, String node, String device, String metric, double v) {
        return m(group, node, device, metric, v, Quality.GOOD);
    }

    @Test
    void appliesBranchFlowCurrentAndLoadingFromEmsPoints() {
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(aModel());

        overlay.apply(List.of(good("cg-a", "a-ems", "a-L1-2", GridPoints.BRANCH_P1, 42.5),
                good("cg-a", "a-ems", "a-L1-2", GridPoints.BRANCH_I, 170),
                good("cg-a", "a-ems", "a-L1-2", GridPoints.BRANCH_LOADING, 85.0)));
        GridBranch b = overlay.frame().orElseThrow().snapshot().branch("a-L1-2").orElseThrow();

        assertThat(b.p1Mw()).isEqualTo(42.5);
        assertThat(b.currentA()).isEqualTo(170);
        assertThat(b.loadingPercent()).isEqualTo(85.0);
        assertThat(b.path()).hasSize(2);
    }

    @Test
    void takesSideOneFlowFromTheFarEndWhenOnlyTheOtherAreaMetersIt() {
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(aModel());

        overlay.apply(good("cg-b", "b-ems", "ic-a-b-1", GridPoints.BRANCH_P2, -17.0));
        GridBranch ic = overlay.frame().orElseThrow().snapshot().branch("ic-a-b-1").orElseThrow();

        assertThat(ic.p1Mw()).isEqualTo(17.0);
        assertThat(overlay.branchEndsMw("ic-a-b-1")[1]).isEqualTo(-17.0);
    }

    @Test
    void updatesBusVoltageSubstationPowersAndDerPowerByDeviceId() {
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(aModel());

        overlay.apply(List.of(good("cg-a", "a-ems", "a-VL1_0", GridPoints.BUS_V, 0.97),
                good("cg-a", "a-ems", "a-sub-01", GridPoints.SUBSTATION_LOAD, 12.5),
                good("cg-a", "a-ems", "a-sub-01", GridPoints.SUBSTATION_DER_IMPORT, 0.8),
                good("cg-a", "a-sub-01", "pv-0001", GridPoints.DER_POWER, 77),
                good("cg-a", "a-sub-01", "", GridPoints.FLEET_SUBSTATION_POWER, 801.5)));
        GridSnapshot s = overlay.frame().orElseThrow().snapshot();

        assertThat(s.buses().get(0).voltagePu()).isEqualTo(0.97);
        assertThat(s.substation("a-sub-01").orElseThrow().loadMw()).isEqualTo(12.5);
        assertThat(s.ders().get(0).powerKw()).isEqualTo(77);
        assertThat(overlay.derImportMw("a-sub-01")).isEqualTo(0.8);
        assertThat(overlay.fleetImportKw("a-sub-01")).isEqualTo(801.5);
    }

    @Test
    void producesNoFrameWhenNothingRelevantArrived() {
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(aModel());

        int applied = overlay.apply(List.of(good("cg-a", "a-sub-01", "bat-0009", GridPoints.DER_POWER, 5),
                good("cg-a", "a-ems", "no-such-branch", GridPoints.BRANCH_P1, 5),
                good("cg-a", "a-ems", "a-L1-2", "Branch/Unknown", 5)));

        assertThat(applied).isZero();
        assertThat(overlay.frame()).isEmpty();
    }

    @Test
    void coalescesManyUpdatesIntoOneFrameWithTheLatestValues() {
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(aModel());

        for (int i = 0; i < 100; i++) {
            overlay.apply(good("cg-a", "a-ems", "a-L1-2", GridPoints.BRANCH_LOADING, i));
        }

        assertThat(overlay.frame().orElseThrow().snapshot().branch("a-L1-2").orElseThrow().loadingPercent())
                .isEqualTo(99);
        assertThat(overlay.frame()).isEmpty();
    }

    @Test
    void reportsOnlyChangedQualityAndGreysAnAssetThatTurnsStale() {
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(aModel());
        overlay.apply(good("cg-a", "a-ems", "a-L1-2", GridPoints.BRANCH_P1, 1));
        assertThat(overlay.frame().orElseThrow().qualityChanges()).containsEntry("a-L1-2", Quality.GOOD);

        overlay.apply(good("cg-a", "a-ems", "a-L1-2", GridPoints.BRANCH_P1, 2));
        assertThat(overlay.frame().orElseThrow().qualityChanges()).isEmpty();

        overlay.apply(m("cg-a", "a-ems", "a-L1-2", GridPoints.BRANCH_P1, 2, Quality.STALE));
        GridTelemetryOverlay.Frame f = overlay.frame().orElseThrow();
        assertThat(f.qualityChanges()).containsExactly(Map.entry("a-L1-2", Quality.STALE));
        assertThat(f.snapshot().branch("a-L1-2").orElseThrow().p1Mw()).as("value kept while stale").isEqualTo(2);
    }

    @Test
    void keepsUntouchedAssetsAsTheyWereAndStampsTheNewestMeasurementTime() {
        GridSnapshot model = aModel();
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(model);

        overlay.apply(good("cg-a", "a-ems", "a-L1-2", GridPoints.BRANCH_P1, 9));
        GridSnapshot s = overlay.frame().orElseThrow().snapshot();

        assertThat(s.branch("ic-a-b-1").orElseThrow()).isSameAs(model.branch("ic-a-b-1").orElseThrow());
        assertThat(s.time()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void readsAreaInterchangeFromTheEmsNodeOfTheGroup() {
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(aModel());

        overlay.apply(List.of(good("cg-a", "a-ems", "", GridPoints.AREA_NET_INTERCHANGE, 17.2),
                good("cg-b", "b-ems", "", GridPoints.AREA_NET_INTERCHANGE, -17.1)));

        assertThat(overlay.netInterchangeMw("cg-a") + overlay.netInterchangeMw("cg-b")).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void greysEverythingWithoutTelemetryUntilItArrives() {
        GridTelemetryOverlay overlay = new GridTelemetryOverlay(aModel());

        assertThat(overlay.unmeasuredQuality()).containsEntry("a-L1-2", Quality.STALE)
                .containsEntry("b-sub-01", Quality.STALE).containsEntry("cg-a", Quality.STALE);
        overlay.apply(good("cg-a", "a-ems", "a-L1-2", GridPoints.BRANCH_P1, 1));

        assertThat(overlay.unmeasuredQuality()).doesNotContainKey("a-L1-2").containsKey("ic-a-b-1");
    }
}
