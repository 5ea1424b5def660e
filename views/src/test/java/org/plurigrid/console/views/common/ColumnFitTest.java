package org.plurigrid.console.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;

/** Key columns are never cut, even in an empty table, and a table too narrow for them scrolls sideways. */
@ExtendWith(FxThreadExtension.class)
class ColumnFitTest {

    @Test
    void keyColumnOfAnEmptyTableIsAsWideAsItsHeaderAndGrowsWithTheFont() {
        TableView<String> table = new TableView<>();
        TableColumn<String, String> flexible = column("Flexible kW available");
        table.getColumns().add(flexible);
        ColumnFit.key(flexible, "99");
        StackPane root = new StackPane(table);
        Scene scene = new Scene(root, 600, 300);
        root.setStyle("-fx-font-size: 12px;");
        root.applyCss();
        root.layout();
        double at12 = flexible.getMinWidth();
        assertThat(at12).isGreaterThanOrEqualTo(ColumnFit.textWidth("Flexible kW available", Font.font(12)));

        root.setStyle("-fx-font-size: 18px;");
        root.applyCss();
        root.layout();
        assertThat(flexible.getMinWidth()).as("header font 1.5x").isGreaterThan(at12 * 1.3);
        assertThat(scene).isNotNull();
    }

    @Test
    void tableTooNarrowForItsKeyColumnsScrollsInsteadOfHidingTheLast() {
        TableView<String> table = new TableView<>();
        for (String title : List.of("Site", "Devices", "Import", "Flexible")) {
            TableColumn<String, String> c = column(title);
            table.getColumns().add(c);
            c.setMinWidth(100);
        }
        ColumnFit.scrollWhenNarrow(table);
        StackPane root = new StackPane(table);
        new Scene(root, 300, 200);
        root.applyCss();
        root.layout();
        assertThat(table.getColumnResizePolicy()).isSameAs(TableView.UNCONSTRAINED_RESIZE_POLICY);

        table.resize(600, 200);
        table.layout();
        assertThat(table.getColumnResizePolicy()).isSameAs(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        table.getColumns().getLast().setMinWidth(300); // a larger display scale widens a key column
        assertThat(table.getColumnResizePolicy()).isSameAs(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    private static TableColumn<String, String> column(String title) {
        TableColumn<String, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        return c;
    }
}
