package org.plurigrid.console.views.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.views.common.Points.measurement;
import static org.plurigrid.console.views.common.Points.power;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.TelemetryStats;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;
import org.plurigrid.console.views.common.TestClock;

@ExtendWith(FxThreadExtension.class)
class PointTableViewModelTest {

    private TestClock clock;
    private PointTableViewModel vm;

    @BeforeEach
    void setUp() {
        clock = TestClock.at("2026-11-25T12:00:00Z");
        vm = new PointTableViewModel(clock);
    }

    private void frame(Measurement... ms) {
        vm.onFrame(new ChangeSet(List.of(ms), TelemetryStats.EMPTY));
        clock.advance(Duration.ofMillis(16));
    }

    @Test
    void addsOneRowPerNewPointAndUpdatesKnownPointsInPlace() {
        frame(power("pv-0001", 3.0), power("bat-0001", -1.5));
        PointRow pv = vm.row(power("pv-0001", 0).id()).orElseThrow();

        frame(power("pv-0001", 4.25));

        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.totalCountProperty().get()).isEqualTo(2);
        assertThat(vm.row(pv.id())).containsSame(pv);
        assertThat(pv.valueProperty().get()).isEqualTo(4.25);
    }

    @Test
    void aReplacedStateLeavesOnlyItsPointsOnScreen() {
        frame(power("pv-0001", 3.0), power("bat-0001", -1.5), power("ev-0001", 7));
        PointRow pv = vm.row(power("pv-0001", 0).id()).orElseThrow();

        vm.onFrame(new ChangeSet(List.of(power("pv-0001", 2.5)), TelemetryStats.EMPTY, true));

        assertThat(vm.rows()).extracting(PointRow::device).containsExactly("pv-0001");
        assertThat(vm.totalCountProperty().get()).isEqualTo(1);
        assertThat(vm.row(pv.id())).as("a point still held keeps its row").containsSame(pv);
        assertThat(pv.valueProperty().get()).isEqualTo(2.5);

        vm.onFrame(new ChangeSet(List.of(), TelemetryStats.EMPTY, true));
        assertThat(vm.rows()).as("an empty state: nothing recorded yet at that instant").isEmpty();
        assertThat(vm.totalCountProperty().get()).isZero();
    }

    @Test
    void anEmptyTableSaysWhyItIsEmpty() {
        assertThat(vm.emptyTextProperty().get()).isEqualTo("Waiting for telemetry…");

        frame(power("pv-0001", 3.0));
        vm.filterTextProperty().set("groningen wind");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No point matches the filter");

        vm.onFrame(new ChangeSet(List.of(), TelemetryStats.EMPTY, true));
        assertThat(vm.emptyTextProperty().get()).as("a replay instant before anything was recorded")
                .isEqualTo("No point has a value at this instant");
    }

    @Test
    void filtersByEveryWordOfThePathIgnoringCase() {
        frame(power("cg-groningen", "groningen-sub-01", "pv-0001", 1, Quality.GOOD),
                power("cg-groningen", "groningen-sub-01", "bat-0001", 1, Quality.GOOD),
                power("cg-utrecht", "utrecht-sub-02", "pv-0002", 1, Quality.GOOD));

        vm.filterTextProperty().set("GRONINGEN  pv");

        assertThat(vm.rows()).extracting(PointRow::device).containsExactly("pv-0001");
        assertThat(vm.shownCountProperty().get()).isEqualTo(1);
        assertThat(vm.totalCountProperty().get()).isEqualTo(3);
    }

    @Test
    void qualityFilterFollowsQualityChangesOfLiveRows() {
        frame(power("pv-0001", 1), power("pv-0002", 2));
        vm.qualityFilterProperty().set(QualityFilter.NOT_GOOD);
        assertThat(vm.rows()).isEmpty();

        frame(power("cg-groningen", "groningen-sub-01", "pv-0002", 2, Quality.COMMS_LOST));

        assertThat(vm.rows()).extracting(PointRow::device).containsExactly("pv-0002");
    }

    @Test
    void keepsTheLastValueVisibleWhenQualityDrops() {
        frame(power("wind-0001", 812.5));

        frame(power("cg-groningen", "groningen-sub-01", "wind-0001", 812.5, Quality.STALE));

        PointRow row = vm.rows().getFirst();
        assertThat(row.qualityProperty().get()).isEqualTo(Quality.STALE);
        assertThat(PointFormat.value(row.valueProperty().get())).isEqualTo("812.5");
        assertThat(PointFormat.quality(row.qualityProperty().get())).isEqualTo("STALE");
    }

    @Test
    void withoutAChosenSortRowsStandInPathOrderWhateverTheArrivalOrder() {
        frame(power("cg-utrecht", "utrecht-sub-01", "pv-0001", 1, Quality.GOOD));
        frame(power("cg-brabant", "brabant-sub-01", "pv-0002", 1, Quality.GOOD));

        assertThat(vm.rows()).extracting(PointRow::group).containsExactly("cg-brabant", "cg-utrecht");
    }

    @Test
    void nodeLevelMetricsShowADashForTheDevice() {
        frame(measurement(PointId.nodeMetric("cg-zeeland", "zeeland-sub-01", "Substation/Voltage"), 1.01, Quality.GOOD));

        assertThat(vm.rows().getFirst().device()).isEqualTo("—");
    }

    @Test
    void reappliesTheSortToMovingValuesAboutOnceASecond() {
        frame(power("pv-0001", 1), power("pv-0002", 2), power("pv-0003", 3));
        vm.sortOrderProperty().set(Comparator.comparingDouble(r -> r.valueProperty().get()));
        assertThat(vm.rows()).extracting(PointRow::device).containsExactly("pv-0001", "pv-0002", "pv-0003");

        frame(power("pv-0001", 9));
        assertThat(vm.rows()).extracting(PointRow::device)
                .as("rows keep their place within the second").containsExactly("pv-0001", "pv-0002", "pv-0003");

        clock.advance(Duration.ofSeconds(1));
        frame();
        assertThat(vm.rows()).extracting(PointRow::device).containsExactly("pv-0002", "pv-0003", "pv-0001");
    }

    @Test
    void takesFiveThousandPointsAndAFullUpdateOfThemInTwoFrames() {
        List<Measurement> births = new ArrayList<>();
        List<Measurement> updates = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String device = String.format("load-%04d", i);
            births.add(power("cg-brabant", "brabant-sub-" + (i % 40), device, i, Quality.GOOD));
            updates.add(power("cg-brabant", "brabant-sub-" + (i % 40), device, i + 0.5, Quality.GOOD));
        }
        vm.sortOrderProperty().set(Comparator.comparing(PointRow::path));

        frame(births.toArray(Measurement[]::new));
        frame(updates.toArray(Measurement[]::new));

        assertThat(vm.rows()).hasSize(5000);
        assertThat(vm.rows()).isSortedAccordingTo(Comparator.comparing(PointRow::path));
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.valueProperty().get() % 1).isEqualTo(0.5));
    }
}
