package org.plurigrid.console.maplayers.map;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.DerType;
import org.plurigrid.console.client.grid.GeoPoint;
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSubstation;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.maplayers.layers.LoadingBand;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SupergridMapViewModelTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final SupergridMapViewModel vm = new SupergridMapViewModel((InstantSource) now::get, Duration.ofSeconds(30));

    /** Two substations of one grid, joined by one line at 85 % loading, with two DERs under the first. */
    private static GridSnapshot aSmallGrid(Instant time, double loading) {
        GeoPoint a = new GeoPoint(52.0, 5.0);
        GeoPoint b = new GeoPoint(52.1, 5.2);
        return new GridSnapshot("test", time,
                List.of(new GridArea("cg-utrecht", "Utrecht", "Utrechtse Energie Coöperatie", a)),
                List.of(new GridSubstation("utrecht-sub-01", "Utrecht S1", "cg-utrecht", a, 132, 40, 10, 1.01,
                                Map.of(DerType.PV, 1, DerType.BATTERY, 1)),
                        new GridSubstation("utrecht-sub-02", "Utrecht S2", "cg-utrecht", b, 132, 20, 60, 0.99, Map.of())),
                List.of(),
                List.of(new GridBranch("utrecht-L1-2-1", "L1-2-1", GridBranch.Kind.LINE, "utrecht-sub-01", "utrecht-sub-02",
                        List.of(a, b), 132, -42.5, 3.1, 190, 224, loading, false, true)),
                List.of(new GridDer("utrecht-sub-01/pv-0001", DerType.PV, "utrecht-sub-01", a, 300, 120),
                        new GridDer("utrecht-sub-01/bat-0001", DerType.BATTERY, "utrecht-sub-01", a, 100, -20)),
                null);
    }

    @Test
    void selectingALineShowsItsFlowLoadingAndDirection() {
        vm.update(aSmallGrid(T0, 85));

        vm.select("utrecht-L1-2-1");

        AssetDetail d = vm.detailProperty().get();
        assertThat(d.kind()).isEqualTo("Line");
        assertThat(d.value("Active power")).contains("-42.5 MW");
        assertThat(d.value("Loading")).contains("85.0 %");
        assertThat(d.rows()).filteredOn(r -> r.label().equals("Loading")).first()
                .satisfies(r -> assertThat(r.abnormal()).isTrue());
        assertThat(d.value("Flow direction")).contains("utrecht-sub-02 → utrecht-sub-01");
    }

    @Test
    void restartingForAReplacedStateForgetsEveryQualityOfBefore() {
        vm.update(aSmallGrid(T0, 50));
        vm.applyFrame(aSmallGrid(T0, 104), Map.of("utrecht-sub-01/bat-0001", Quality.COMMS_LOST,
                "utrecht-sub-02", Quality.BAD));

        vm.restart(aSmallGrid(T0, 50), Map.of("utrecht-L1-2-1", Quality.STALE));

        assertThat(vm.quality("utrecht-sub-01/bat-0001")).as("a DER lost before the seek").isEqualTo(Quality.GOOD);
        assertThat(vm.quality("utrecht-sub-02")).isEqualTo(Quality.GOOD);
        assertThat(vm.quality("utrecht-L1-2-1")).as("not measured in the new state").isEqualTo(Quality.STALE);
        assertThat(vm.branchCountsByBand()).as("the model's own loading again").doesNotContainKey(LoadingBand.OVERLOAD);
    }

    @Test
    void selectingASubstationListsTheDevicesUnderIt() {
        vm.update(aSmallGrid(T0, 50));

        vm.select("utrecht-sub-01");

        AssetDetail d = vm.detailProperty().get();
        assertThat(d.devices()).extracting(GridDer::id).containsExactly("utrecht-sub-01/pv-0001", "utrecht-sub-01/bat-0001");
        assertThat(d.value("Community grid")).contains("Utrecht (Utrechtse Energie Coöperatie)");
    }

    @Test
    void detailFollowsNewValuesOfTheSelectedAsset() {
        vm.update(aSmallGrid(T0, 50));
        vm.select("utrecht-L1-2-1");

        vm.update(aSmallGrid(T0, 104));

        assertThat(vm.detailProperty().get().value("Loading")).contains("104.0 %");
        assertThat(vm.branchCountsByBand()).containsEntry(LoadingBand.OVERLOAD, 1);
    }

    @Test
    void searchFindsSubstationByIdJumpsToItAndSelectsIt() {
        vm.update(aSmallGrid(T0, 50));

        var hit = vm.search("UTRECHT-SUB-02");

        assertThat(hit).contains(new GeoPoint(52.1, 5.2));
        assertThat(vm.selectedIdProperty().get()).isEqualTo("utrecht-sub-02");
        assertThat(vm.centerLatProperty().get()).isEqualTo(52.1);
        assertThat(vm.zoomProperty().get()).isGreaterThanOrEqualTo(SupergridMapViewModel.SEARCH_ZOOM);
    }

    @Test
    void searchByNameFindsALineAndUnknownTextSaysSo() {
        vm.update(aSmallGrid(T0, 50));

        assertThat(vm.search("l1-2")).isPresent();
        assertThat(vm.selectedIdProperty().get()).isEqualTo("utrecht-L1-2-1");

        assertThat(vm.search("amsterdam")).isEmpty();
        assertThat(vm.searchMessageProperty().get()).contains("amsterdam");
    }

    @Test
    void oldSnapshotMakesEverythingStaleAndBadQualityMarksOneAsset() {
        vm.update(aSmallGrid(T0, 50));
        assertThat(vm.isStale("utrecht-sub-01")).isFalse();

        vm.updateQuality(Map.of("utrecht-sub-02", Quality.COMMS_LOST));
        assertThat(vm.isStale("utrecht-sub-02")).isTrue();
        assertThat(vm.isStale("utrecht-sub-01")).isFalse();

        now.set(T0.plusSeconds(31));
        assertThat(vm.isStale("utrecht-sub-01")).isTrue();
        assertThat(vm.quality("utrecht-sub-01")).isEqualTo(Quality.STALE);
    }

    @Test
    void rememberCameraKeepsPanAndZoom() {
        vm.rememberCamera(51.5, 3.6, 10.25);

        assertThat(vm.centerLatProperty().get()).isEqualTo(51.5);
        assertThat(vm.centerLonProperty().get()).isEqualTo(3.6);
        assertThat(vm.zoomProperty().get()).isEqualTo(10.25);
    }

    @Test
    void alarmOnAnAssetShowsInItsDetailAndBadPrioritiesAreRejected() {
        vm.update(aSmallGrid(T0, 50));
        vm.updateAlarms(Map.of("utrecht-sub-01", 2));

        vm.select("utrecht-sub-01");

        assertThat(vm.detailProperty().get().value("Alarm")).contains("priority 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vm.updateAlarms(Map.of("x", 7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..4");
    }

    @Test
    void showingAContingencySelectsTheWorstOverloadAndExplainsIt() {
        vm.update(aSmallGrid(T0, 50));
        var outcome = new org.plurigrid.console.client.grid.ContingencyReport.Outcome("utrecht-L9-9-1", "CONVERGED",
                List.of(new org.plurigrid.console.client.grid.ContingencyReport.Overload("utrecht-L1-2-1", 260, 224)));

        vm.showContingency(new org.plurigrid.console.client.grid.ContingencyReport(1, List.of(outcome), false, Duration.ZERO));

        assertThat(vm.contingencyProperty().get()).isEqualTo(outcome);
        assertThat(vm.selectedIdProperty().get()).isEqualTo("utrecht-L1-2-1");
        assertThat(vm.detailProperty().get().value("N-1 loading")).hasValueSatisfying(v ->
                assertThat(v).startsWith("116.1 %").contains("utrecht-L9-9-1"));
    }

    @Test
    void layerSwitchesUpdateTheVisibility() {
        vm.dersVisibleProperty().set(false);

        assertThat(vm.visibilityProperty().get().ders()).isFalse();
        assertThat(vm.visibilityProperty().get().lines()).isTrue();
    }
}
