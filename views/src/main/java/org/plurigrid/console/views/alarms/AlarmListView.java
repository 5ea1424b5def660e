package org.plurigrid.console.views.alarms;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.views.common.ColumnFit;
import org.plurigrid.console.client.alarms.AlarmState;

/**
 * The alarm list (ISA-18.2 / ISA-101): a calm, dense table — neutral rows, colour only in the priority mark, bold
 * for unacknowledged, muted for returned-to-normal — with filter, sort, acknowledge one / page, shelve, comment and
 * "show on map". Binds to an {@link AlarmListViewModel}; calls nothing else.
 */
public final class AlarmListView extends BorderPane {

    private static final PseudoClass UNACK = PseudoClass.getPseudoClass("unack");
    private static final PseudoClass RTN = PseudoClass.getPseudoClass("rtn");
    private static final PseudoClass HIDDEN = PseudoClass.getPseudoClass("hidden");
    private static final List<Duration> SHELVE_DURATIONS = List.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(12));

    private final AlarmListViewModel vm;
    private final AlarmFormat format;
    private final TableView<AlarmRow> table = new TableView<>();

    public AlarmListView(AlarmListViewModel vm, ZoneId zone) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.format = new AlarmFormat(zone);
        getStyleClass().add("alarm-list");
        getStylesheets().add(stylesheet());
        setTop(toolbar());
        setCenter(buildTable());
        setBottom(statusLine());
    }

    public AlarmListView(AlarmListViewModel vm) {
        this(vm, ZoneId.systemDefault());
    }

    /**
     * The alarm stylesheet as a class-path path (JavaFX resolves scheme-less stylesheet paths against the class path),
     * which keeps views free of java.net types.
     */
    static String stylesheet() {
        return "org/plurigrid/console/views/alarms/alarms.css";
    }

    public TableView<AlarmRow> table() {
        return table;
    }

    // ------------------------------------------------------------------------------------------------ toolbar

    private FlowPane toolbar() {
        TextField filter = new TextField();
        filter.setPromptText("Filter: source, message or rule");
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        filter.getStyleClass().add("alarm-filter");
        filter.setPrefColumnCount(22);

        ChoiceBox<AlarmPriority> priority = new ChoiceBox<>();
        priority.getItems().setAll(AlarmPriority.values());
        priority.setConverter(new StringConverter<>() {
            @Override
            public String toString(AlarmPriority p) {
                return p == null ? "" : switch (p) {
                    case CRITICAL -> "Priority 1 only";
                    case HIGH -> "Priority 1\u20132";
                    case MEDIUM -> "Priority 1\u20133";
                    case LOW -> "All priorities";
                };
            }

            @Override
            public AlarmPriority fromString(String s) {
                return null;
            }
        });
        priority.valueProperty().bindBidirectional(vm.minimumPriorityProperty());

        ToggleButton unackOnly = new ToggleButton("Unack only");
        unackOnly.selectedProperty().bindBidirectional(vm.unacknowledgedOnlyProperty());
        ToggleButton hidden = new ToggleButton();
        hidden.textProperty().bind(Bindings.format("Shelved & suppressed (%d)", vm.hiddenCountProperty()));
        hidden.selectedProperty().bindBidirectional(vm.showHiddenProperty());

        ChoiceBox<AlarmSortOrder> sort = new ChoiceBox<>();
        sort.getItems().setAll(AlarmSortOrder.values());
        sort.valueProperty().bindBidirectional(vm.sortOrderProperty());
        Label sortLabel = new Label("Sort");
        sortLabel.getStyleClass().add("muted");

        Button ack = button("Ack", "Acknowledge the selected alarms", vm::acknowledgeSelected);
        ack.disableProperty().bind(Bindings.isEmpty(vm.selection()));
        Button ackPage = button("Ack page", "Acknowledge the unacknowledged alarms on this page", vm::acknowledgePage);
        Button shelve = button("Shelve\u2026", "Hide the selected alarm for a while, with a reason",
                () -> single().ifPresent(this::askShelve));
        Button comment = button("Comment\u2026", "Add a comment to the selected alarm's journal",
                () -> single().ifPresent(this::askComment));
        Button map = button("Show on map", "Centre the map on the selected alarm's asset",
                () -> single().ifPresent(vm::showOnMap));
        for (Button b : List.of(shelve, comment, map)) {
            b.disableProperty().bind(Bindings.size(vm.selection()).isNotEqualTo(1));
        }
        ack.setDefaultButton(false);

        // Controls keep their full text (never "All pr…"); at laptop widths the groups wrap onto a second line.
        for (Region r : List.of(priority, unackOnly, hidden, sortLabel, sort)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane bar = new FlowPane(group(filter), group(priority, unackOnly, hidden), group(sortLabel, sort),
                group(ack, ackPage, shelve, comment, map));
        bar.getStyleClass().add("alarm-toolbar");
        return bar;
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox g = new HBox(nodes);
        g.getStyleClass().add("alarm-toolbar-group");
        g.setMinWidth(Region.USE_PREF_SIZE);
        return g;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private Optional<AlarmRow> single() {
        return vm.selection().size() == 1 ? Optional.of(vm.selection().getFirst()) : Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------ table

    private TableView<AlarmRow> buildTable() {
        table.getStyleClass().add("alarm-table");
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<AlarmRow>) c -> vm.selection().setAll(table.getSelectionModel().getSelectedItems()));
        table.setPlaceholder(new Label("No alarms"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<AlarmRow, Alarm> prio = new TableColumn<>("P");
        prio.setCellValueFactory(c -> c.getValue().alarmProperty());
        prio.setCellFactory(c -> new MarkCell());
        prio.getStyleClass().add("alarm-col-priority");
        fixed(prio, 3.2);

        table.getColumns().add(prio);
        // Time, state, condition and value are short and fixed-format: as wide as their longest text in the cells'
        // font (so they grow with the display scale), and Source, Message and Notes give way, with a tooltip.
        table.getColumns().add(key(fixedText("Time", a -> format.time(a.raisedAt()), 6.2, "alarm-col-time"),
                List.of(format.time(java.time.Instant.parse("2026-12-31T23:58:58Z")))));
        table.getColumns().add(key(fixedText("State", a -> AlarmFormat.state(a.state()), 6.2, "alarm-col-state"),
                java.util.Arrays.stream(AlarmState.values()).map(AlarmFormat::state).toList()));
        table.getColumns().add(key(fixedText("Cond", a -> a.kind().label(), 5.5, "alarm-col-kind"),
                java.util.Arrays.stream(org.plurigrid.console.client.alarms.AlarmKind.values())
                        .map(org.plurigrid.console.client.alarms.AlarmKind::label).toList()));
        table.getColumns().add(cut(text("Source", AlarmFormat::source, 27, "alarm-col-source")));
        table.getColumns().add(cut(text("Message", Alarm::message, 20, "alarm-col-message")));
        table.getColumns().add(key(text("Value", AlarmFormat::value, 7, "alarm-col-value"), List.of("no update", "-88,888.8 MW")));
        table.getColumns().add(cut(text("Notes", this::notes, 14, "alarm-col-notes")));
        for (TableColumn<AlarmRow, ?> c : table.getColumns()) {
            c.setSortable(false); // the list is sorted by the view-model's sort order, not by header clicks
            c.setReorderable(false);
        }

        table.setRowFactory(t -> new AlarmTableRow());
        return table;
    }

    private static <T> TableColumn<AlarmRow, T> key(TableColumn<AlarmRow, T> c, List<String> widest) {
        ColumnFit.key(c, widest);
        return c;
    }

    private static <T> TableColumn<AlarmRow, T> cut(TableColumn<AlarmRow, T> c) {
        ColumnFit.tooltipWhenCut(c);
        return c;
    }

    private String notes(Alarm a) {
        String flags = format.flags(a);
        String who = a.state() == AlarmState.ACKNOWLEDGED && !a.acknowledgedBy().isEmpty() ? "ack " + a.acknowledgedBy() : "";
        String comment = a.lastComment().isEmpty() ? "" : "\u201C" + a.lastComment() + "\u201D";
        return String.join("  ", java.util.stream.Stream.of(flags, who, comment).filter(s -> !s.isEmpty()).toList());
    }

    private static TableColumn<AlarmRow, String> text(String title, Function<Alarm, String> f, double em, String style) {
        TableColumn<AlarmRow, String> c = new TableColumn<>(title);
        // Bound to the row's alarm, so a cell follows an acknowledgement without the row being replaced.
        c.setCellValueFactory(cell -> {
            AlarmRow row = cell.getValue();
            return Bindings.createStringBinding(() -> f.apply(row.alarm()), row.alarmProperty());
        });
        c.getStyleClass().add(style);
        c.setPrefWidth(em * 15);
        return c;
    }

    private static TableColumn<AlarmRow, String> fixedText(String title, Function<Alarm, String> f, double em, String style) {
        TableColumn<AlarmRow, String> c = text(title, f, em, style);
        fixed(c, em);
        return c;
    }

    private static void fixed(TableColumn<?, ?> c, double em) {
        c.setMinWidth(em * 15);
        c.setPrefWidth(em * 15);
        c.setMaxWidth(em * 15);
        c.setResizable(false);
    }

    /** The priority mark; it flashes (dims every other half second) only while the alarm is unacknowledged. */
    private final class MarkCell extends TableCell<AlarmRow, Alarm> {
        private final Map<AlarmPriority, AlarmMark> marks = new EnumMap<>(AlarmPriority.class);
        private final InvalidationListener flash = o -> updateFlash();

        MarkCell() {
            vm.flashOnProperty().addListener(new WeakInvalidationListener(flash));
            setGraphicTextGap(0);
        }

        @Override
        protected void updateItem(Alarm a, boolean empty) {
            super.updateItem(a, empty);
            setText(null);
            if (empty || a == null) {
                setGraphic(null);
                return;
            }
            setGraphic(marks.computeIfAbsent(a.priority(), AlarmMark::new));
            updateFlash();
        }

        private void updateFlash() {
            Alarm a = getItem();
            if (a != null && getGraphic() instanceof AlarmMark m) {
                m.setDim(a.isUnacknowledged() && !vm.flashOnProperty().get());
            }
        }
    }

    /** Row styling by state, and the row's context menu. */
    private final class AlarmTableRow extends TableRow<AlarmRow> {
        private final InvalidationListener alarmChanged = o -> style();

        AlarmTableRow() {
            itemProperty().addListener((obs, old, now) -> {
                if (old != null) {
                    old.alarmProperty().removeListener(alarmChanged);
                }
                if (now != null) {
                    now.alarmProperty().addListener(alarmChanged);
                }
                style();
            });
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null) {
                    vm.showOnMap(getItem());
                }
            });
        }

        private void style() {
            AlarmRow row = getItem();
            Alarm a = row == null ? null : row.alarm();
            pseudoClassStateChanged(UNACK, a != null && a.state() == AlarmState.UNACKNOWLEDGED);
            pseudoClassStateChanged(RTN, a != null && a.state() == AlarmState.RETURNED_UNACKNOWLEDGED);
            pseudoClassStateChanged(HIDDEN, a != null && !a.isVisible());
            setContextMenu(row == null ? null : menu(row));
        }

        private ContextMenu menu(AlarmRow row) {
            MenuItem ack = new MenuItem("Acknowledge");
            ack.setOnAction(e -> vm.acknowledge(row));
            ack.setDisable(!row.alarm().isUnacknowledged());
            MenuItem shelve = new MenuItem(row.alarm().isShelved() ? "Unshelve" : "Shelve\u2026");
            shelve.setOnAction(e -> {
                if (row.alarm().isShelved()) {
                    vm.unshelve(row);
                } else {
                    askShelve(row);
                }
            });
            MenuItem comment = new MenuItem("Comment\u2026");
            comment.setOnAction(e -> askComment(row));
            MenuItem map = new MenuItem("Show on map");
            map.setOnAction(e -> vm.showOnMap(row));
            return new ContextMenu(ack, shelve, comment, map);
        }
    }

    // ------------------------------------------------------------------------------------------------ dialogs

    private void askShelve(AlarmRow row) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Shelve alarm");
        d.setHeaderText(row.alarm().asset() + "\n" + row.alarm().message());
        TextField reason = new TextField();
        reason.setPromptText("Reason (required), e.g. sensor under repair");
        ChoiceBox<Duration> duration = new ChoiceBox<>();
        duration.getItems().setAll(SHELVE_DURATIONS);
        duration.setValue(Duration.ofHours(1));
        duration.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration x) {
                return x == null ? "" : AlarmFormat.duration(x);
            }

            @Override
            public Duration fromString(String s) {
                return null;
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label("Reason"), reason);
        grid.addRow(1, new Label("For"), duration);
        d.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType("Shelve", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(reason.textProperty().isEmpty());
        d.showAndWait().filter(ok::equals).ifPresent(b -> vm.shelve(row, reason.getText(), duration.getValue()));
    }

    private void askComment(AlarmRow row) {
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Comment on alarm");
        d.setHeaderText(row.alarm().asset() + "\n" + row.alarm().message());
        d.setContentText("Comment");
        d.showAndWait().filter(s -> !s.isBlank()).ifPresent(s -> vm.comment(row, s));
    }

    // ------------------------------------------------------------------------------------------------ status

    private HBox statusLine() {
        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            var c = vm.countsProperty().get();
            return vm.rows().size() + " shown \u00B7 " + c.totalVisible() + " active \u00B7 "
                    + c.totalUnacknowledged() + " unacknowledged";
        }, vm.rows(), vm.countsProperty()));
        count.getStyleClass().add("muted");
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("alarm-command-message");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(count, spacer, message);
        line.getStyleClass().add("alarm-status-line");
        return line;
    }
}
