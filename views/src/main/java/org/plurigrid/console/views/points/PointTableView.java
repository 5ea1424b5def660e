package org.plurigrid.console.views.points;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.views.common.ColumnFit;

/**
 * The live point table: a virtualized, sortable, filterable {@link TableView} over every known point. Values of
 * points that are not GOOD stay visible, greyed and marked with their quality in words.
 */
public final class PointTableView extends VBox {

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass COMMS_LOST = PseudoClass.getPseudoClass("comms-lost");

    private final TableView<PointRow> table = new TableView<>();

    public PointTableView(PointTableViewModel vm) {
        getStyleClass().add("point-table-view");
        setId("point-table-view");

        TextField filter = new TextField();
        filter.setId("point-filter");
        filter.setPromptText("Filter points, e.g. groningen pv");
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        HBox.setHgrow(filter, Priority.SOMETIMES);
        filter.setPrefColumnCount(28);

        ChoiceBox<QualityFilter> quality = new ChoiceBox<>();
        quality.setId("point-quality-filter");
        quality.getItems().setAll(QualityFilter.values());
        quality.valueProperty().bindBidirectional(vm.qualityFilterProperty());

        Label count = new Label();
        count.setId("point-count");
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%,d of %,d points", vm.shownCountProperty().get(), vm.totalCountProperty().get()),
                vm.shownCountProperty(), vm.totalCountProperty()));

        Label title = new Label("Points");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        count.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The result of an action on a point (a plugin's), on a line of its own so it is never cut; hidden until then.
        Label actionResult = new Label();
        actionResult.setId("point-action-result");
        actionResult.getStyleClass().add("muted");
        actionResult.setWrapText(true);
        actionResult.textProperty().bind(vm.assetActions().resultProperty());
        actionResult.visibleProperty().bind(actionResult.textProperty().isNotEmpty());
        actionResult.managedProperty().bind(actionResult.visibleProperty());
        quality.setMinWidth(Region.USE_PREF_SIZE);
        HBox toolbar = new HBox(title, filter, quality, spacer, count);
        toolbar.getStyleClass().add("table-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);

        table.setId("point-table");
        table.getStyleClass().add("point-table");
        // extra width goes to every column (text columns grow with the display scale), not all to Updated
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.emptyTextProperty());
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(java.util.List.of(
                textColumn("Grid", PointRow::group, 1.1),
                textColumn("Node", PointRow::node, 1.3),
                textColumn("Device", PointRow::device, 1.4),
                textColumn("Metric", PointRow::metric, 1.9),
                atMostAQuarterMore(valueColumn()),
                atMostAQuarterMore(unitColumn()),
                atMostAQuarterMore(qualityColumn()),
                atMostAQuarterMore(timeColumn())));
        table.setRowFactory(t -> new QualityRow());
        // Extra actions on the selected point (plugins'), asked for when the menu opens; their result shows in the
        // toolbar.
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.setId("point-actions");
        table.setOnContextMenuRequested(e -> {
            PointRow row = table.getSelectionModel().getSelectedItem();
            java.util.List<javafx.scene.control.MenuItem> items = row == null ? java.util.List.of()
                    : org.plurigrid.console.views.common.AssetMenus.items(vm.assetActions(),
                            org.plurigrid.console.client.assets.AssetRef.point(row.id()));
            if (items.size() > 1) {
                menu.getItems().setAll(items.subList(1, items.size())); // no separator at the top
                menu.show(table, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        table.setItems(vm.rows());
        // The view-model's SortedList does the sorting; the table only reports the operator's choice.
        table.setSortPolicy(t -> true);
        vm.sortOrderProperty().bind(table.comparatorProperty());
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(toolbar, actionResult, table);
    }

    public TableView<PointRow> table() {
        return table;
    }

    /**
     * A key column (value, unit, quality, time) is never cut (ColumnFit) and grows at most a quarter past its widest
     * text: the width a larger window or display scale brings goes to the device and metric names.
     */
    private static <T> TableColumn<PointRow, T> atMostAQuarterMore(TableColumn<PointRow, T> c) {
        c.maxWidthProperty().bind(c.minWidthProperty().multiply(1.25));
        return c;
    }

    private static TableColumn<PointRow, String> textColumn(String title, Function<PointRow, String> f, double weight) {
        TableColumn<PointRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(120 * weight);
        ColumnFit.tooltipWhenCut(c);
        return c;
    }

    private static TableColumn<PointRow, Number> valueColumn() {
        TableColumn<PointRow, Number> c = new TableColumn<>("Value");
        c.setId("col-value");
        c.setCellValueFactory(cd -> cd.getValue().valueProperty());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : PointFormat.value(v.doubleValue()));
            }
        });
        c.getStyleClass().add("numeric");
        c.setPrefWidth(110);
        ColumnFit.key(c, PointFormat.value(-88_888.88));
        return c;
    }

    private static TableColumn<PointRow, String> unitColumn() {
        TableColumn<PointRow, String> c = new TableColumn<>("Unit");
        c.setCellValueFactory(cd -> cd.getValue().unitProperty());
        c.setPrefWidth(60);
        ColumnFit.key(c, "kvarh");
        return c;
    }

    private static TableColumn<PointRow, Quality> qualityColumn() {
        TableColumn<PointRow, Quality> c = new TableColumn<>("Quality");
        c.setId("col-quality");
        c.setCellValueFactory(cd -> cd.getValue().qualityProperty());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Quality q, boolean empty) {
                super.updateItem(q, empty);
                setText(empty || q == null ? null : PointFormat.quality(q));
            }
        });
        c.setPrefWidth(110);
        ColumnFit.key(c, java.util.Arrays.stream(Quality.values()).map(PointFormat::quality).toList());
        return c;
    }

    private static TableColumn<PointRow, Instant> timeColumn() {
        TableColumn<PointRow, Instant> c = new TableColumn<>("Updated (UTC)");
        c.setCellValueFactory(cd -> cd.getValue().timeProperty());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : PointFormat.time(t));
            }
        });
        c.getStyleClass().add("numeric");
        c.setPrefWidth(120);
        ColumnFit.key(c, PointFormat.time(Instant.parse("2026-12-31T23:58:58.888Z")));
        return c;
    }

    /** Greys a row whose quality is not GOOD; follows the row's quality while the row is reused for other points. */
    private static final class QualityRow extends TableRow<PointRow> {
        private final ChangeListener<Quality> onQuality = (o, a, q) -> mark(q);
        private ObservableValue<Quality> watched;

        @Override
        protected void updateItem(PointRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.removeListener(onQuality);
                watched = null;
            }
            if (empty || row == null) {
                mark(Quality.GOOD);
            } else {
                watched = row.qualityProperty();
                watched.addListener(onQuality);
                mark(watched.getValue());
            }
        }

        private void mark(Quality q) {
            pseudoClassStateChanged(STALE, q == Quality.STALE);
            pseudoClassStateChanged(BAD, q == Quality.BAD);
            pseudoClassStateChanged(COMMS_LOST, q == Quality.COMMS_LOST);
        }
    }
}
