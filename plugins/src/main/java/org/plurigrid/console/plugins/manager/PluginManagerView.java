package org.plurigrid.console.plugins.manager;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.plurigrid.console.plugins.host.PluginState;
import org.plurigrid.console.plugins.manager.PluginManagerViewModel.Row;

/** The plugin manager: what was found, from where, in which state and why; switch plugins on or off for the next start. */
public final class PluginManagerView extends BorderPane {

    /**
     * Keeps a key column (name, version, state) at least as wide as the widest of its texts in the font its cells use,
     * so it grows with the display scale instead of being cut. The console passes its one column-fitting rule (the
     * views' {@code ColumnFit::key}); this module sits beside the views, not above them.
     */
    @FunctionalInterface
    public interface KeyColumns {
        void fit(TableColumn<Row, String> column, List<String> widestTexts);
    }

    /** @param keyColumns how the console keeps key columns whole at every display scale */
    public PluginManagerView(PluginManagerViewModel model, KeyColumns keyColumns) {
        Objects.requireNonNull(keyColumns, "keyColumns");
        getStyleClass().add("plugin-manager");
        setPadding(new Insets(12));
        Label title = new Label("Plugins");
        title.getStyleClass().add("view-title");
        Label hint = new Label("Switching a plugin on or off takes effect at the next start.");
        hint.setWrapText(true);
        BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
        setTop(title);

        TableView<Row> table = new TableView<>(model.rows());
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, Boolean> on = new TableColumn<>("Run");
        on.setCellValueFactory(c -> c.getValue().enabledProperty());
        on.setCellFactory(c -> new CheckBoxTableCell<>() {
            @Override
            public void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setDisable(row == null || !row.switchable());
            }
        });
        on.setEditable(true);
        on.setPrefWidth(60);
        table.getColumns().add(on);
        TableColumn<Row, String> name = text("Plugin", r -> r.info().title(), r -> r.info().description(), 180);
        TableColumn<Row, String> version = text("Version", r -> r.info().version(), r -> r.info().version(), 140);
        TableColumn<Row, String> state = text("State", r -> r.info().state().label(), r -> r.info().state().label(), 90);
        keyColumns.fit(name, model.rows().stream().map(r -> r.info().title()).toList());
        keyColumns.fit(version, model.rows().stream().map(r -> r.info().version()).toList());
        keyColumns.fit(state, Arrays.stream(PluginState.values()).map(PluginState::label).toList());
        table.getColumns().addAll(List.of(name, version, state));
        table.getColumns().add(text("Source", Row::shortSource, r -> r.info().source(), 240));
        TableColumn<Row, String> problem = text("Problem", r -> r.info().problem().orElse(""), r -> r.info().problem().orElse(""), 380);
        problem.setCellFactory(c -> new WrappingCell());
        table.getColumns().add(problem);
        table.setPlaceholder(new Label("No plugins found."));
        setCenter(table);

        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        Button apply = new Button("Save");
        apply.setOnAction(e -> model.apply());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(12, message, gap, hint, apply);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        setBottom(bottom);
    }

    private static TableColumn<Row, String> text(String name, Function<Row, String> value, Function<Row, String> tip,
                                                 double width) {
        TableColumn<Row, String> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                String t = row == null ? "" : tip.apply(row);
                setTooltip(t == null || t.isEmpty() ? null : new Tooltip(t));
            }
        });
        return column;
    }

    /** The reason a plugin is not running, wrapped to the column's width: it is the one text here that must be read whole. */
    private static final class WrappingCell extends TableCell<Row, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.wrappingWidthProperty().bind(widthProperty().subtract(10));
            text.getStyleClass().add("text");
            setGraphic(text);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
        }
    }
}
