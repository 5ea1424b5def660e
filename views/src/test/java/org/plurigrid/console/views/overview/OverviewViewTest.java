package org.plurigrid.console.views.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.plurigrid.console.views.common.Points.power;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.SupergridSummary;
import org.plurigrid.console.client.telemetry.TelemetryStats;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;
import org.plurigrid.console.views.common.TestClock;
import org.plurigrid.console.views.common.Theme;
import org.plurigrid.console.views.points.PointTableView;
import org.plurigrid.console.views.points.PointTableViewModel;

/** The view is thin; this checks it builds headless and that the figures follow the view-model. */
@ExtendWith(FxThreadExtension.class)
class OverviewViewTest {

    @Test
    void tilesFollowTheViewModel() {
        TestClock clock = TestClock.at("2026-11-25T12:00:00Z");
        OverviewViewModel vm = new OverviewViewModel(new PointTableViewModel(clock),
                () -> new SupergridSummary(2500, 500, 0.2, 3, 2, 250, 1), clock);
        OverviewView view = new OverviewView(vm);
        Scene scene = new Scene(view, 1400, 900);
        Theme.apply(scene);
        view.applyCss();
        view.layout();

        vm.onFrame(new ChangeSet(List.of(power("load-0001", 2500), power("pv-0001", 500)),
                new TelemetryStats(10, 2, Map.of("seq-gap", 1L), 250, 3, 0)));
        clock.advance(Duration.ofSeconds(1));

        assertThat(view.tileValue("tile-load")).isCloseTo(2.5, within(1e-9));
        assertThat(view.tileValue("tile-generation")).isCloseTo(0.5, within(1e-9));
        assertThat(view.tileValue("tile-nodes")).isEqualTo(3.0);
        assertThat(view.tileValue("tile-rate")).isEqualTo(250.0);
        assertThat(view.tileValue("tile-errors")).isEqualTo(1.0);
        assertThat(((javafx.scene.control.Label) view.lookup("#tile-load-value")).getText()).as("what the operator reads")
                .isEqualTo("2.50");
        assertThat(((javafx.scene.control.Label) view.lookup("#tile-rate-value")).getText()).isEqualTo("250");
        assertThat(view.lookup("#tile-errors").getPseudoClassStates()).as("decode errors above zero are marked")
                .contains(javafx.css.PseudoClass.getPseudoClass("abnormal"));
        assertThat(view.lookup("#tile-load").getPseudoClassStates()).isEmpty();
        assertThat(((PointTableView) view.lookup("#point-table-view")).table().getItems()).hasSize(2);
    }
}
