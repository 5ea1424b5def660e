package org.plurigrid.console.views.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;

import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;

/** The list view follows its view-model without a robot: cells update in place and the selection survives. */
@ExtendWith(FxPlatformExtension.class)
class AlarmListViewTest {

    @Test
    void rowShowsAcknowledgementInPlaceAndKeepsTheSelection() throws Exception {
        AlarmScenario s = new AlarmScenario();
        s.voltage("utrecht", "utrecht-sub-02", 1.07).voltage("brabant", "brabant-sub-01", 1.07);
        AlarmListViewModel vm = new AlarmListViewModel(s.engine, s.engine, s.clock, "anna");

        List<String> states = onFx(() -> {
            vm.onFrame();
            AlarmListView view = new AlarmListView(vm, ZoneOffset.UTC);
            Scene scene = new Scene(view, 1200, 400);
            scene.getStylesheets().add("org/plurigrid/console/views/alarms/alarm-test-palette.css");
            view.applyCss();
            view.layout();
            view.table().getSelectionModel().select(0);
            AlarmRow selected = view.table().getSelectionModel().getSelectedItem();
            assertThat(vm.selection()).containsExactly(selected);

            assertThat(vm.acknowledgeSelected()).isEqualTo(1);
            vm.onFrame();
            view.applyCss();
            view.layout();

            assertThat(view.table().getSelectionModel().getSelectedItem()).isSameAs(selected);
            return stateCells(view);
        });

        assertThat(states).containsExactlyInAnyOrder("Ack", "Unack");
    }

    private static List<String> stateCells(AlarmListView view) {
        return view.table().lookupAll(".alarm-col-state").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableRow() != null && !c.isEmpty())
                .map(n -> ((TableCell<?, ?>) n).getText())
                .toList();
    }
}
