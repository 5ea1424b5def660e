package org.plurigrid.console.views.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.views.common.Points.power;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.TelemetryStats;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;
import org.plurigrid.console.views.common.TestClock;

/** The view hands the operator's sort and filter to the view-model, whose lists the table shows. */
@ExtendWith(FxThreadExtension.class)
class PointTableViewTest {

    private final PointTableViewModel vm = new PointTableViewModel(TestClock.at("2026-11-25T12:00:00Z"));
    private final PointTableView view = new PointTableView(vm);

    {
        new Scene(view, 1200, 600);
        vm.onFrame(new ChangeSet(List.of(power("pv-0001", 5), power("pv-0002", 1), power("pv-0003", 3)), TelemetryStats.EMPTY));
    }

    @Test
    void clickingAColumnSortsThroughTheViewModel() {
        TableView<PointRow> table = view.table();
        TableColumn<PointRow, ?> value = table.getColumns().stream().filter(c -> "col-value".equals(c.getId())).findFirst().orElseThrow();

        table.getSortOrder().setAll(value);

        assertThat(table.getSortOrder()).containsExactly(value);
        assertThat(table.getItems()).extracting(PointRow::device).containsExactly("pv-0002", "pv-0003", "pv-0001");

        value.setSortType(TableColumn.SortType.DESCENDING);
        assertThat(table.getItems()).extracting(PointRow::device).containsExactly("pv-0001", "pv-0003", "pv-0002");
    }

    @Test
    void typingInTheFilterFieldFiltersTheTable() {
        ((TextField) view.lookup("#point-filter")).setText("pv-0003");

        assertThat(view.table().getItems()).extracting(PointRow::device).containsExactly("pv-0003");
    }
}
