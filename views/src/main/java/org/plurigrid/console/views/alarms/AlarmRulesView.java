package org.plurigrid.console.views.alarms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.plurigrid.console.client.alarms.AlarmKind;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.views.common.ColumnFit;

/**
 * The alarm rule editor: the rules in a sortable, filterable table, the selected one in a form whose fields say what
 * is wrong with them as they are typed, the changes an Apply would journal, and Revert / Apply. Binds to
 * {@link AlarmRulesViewModel}; no I/O, no colour but the theme's greys (a form mistake is not a process alarm).
 */
public final class AlarmRulesView extends BorderPane {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass MODIFIED = PseudoClass.getPseudoClass("modified");
    private static final String STYLESHEET = "org/plurigrid/console/views/alarms/alarm-rules.css";

    private final AlarmRulesViewModel vm;
    private final TableView<RuleDraft> table = new TableView<>();
    private final Map<RuleField, Control> inputs = new EnumMap<>(RuleField.class);
    private final Map<RuleField, Label> errorLabels = new EnumMap<>(RuleField.class);
    private final List<Runnable> unbind = new ArrayList<>();
    private final MapChangeListener<RuleField, String> errorListener = c -> showErrors();
    private final Label formTitle = new Label();
    private final Label formState = new Label();
    private final VBox form = new VBox();
    private RuleDraft bound;

    public AlarmRulesView(AlarmRulesViewModel vm) {
        this.vm = Objects.requireNonNull(vm, "vm");
        getStyleClass().add("alarm-rules");
        setId("alarm-rules-view");
        getStylesheets().addAll(AlarmListView.stylesheet(), STYLESHEET);

        setTop(toolbar());
        // Table above, the selected rule's form below at full width: every column and field reads without cutting.
        Node tablePane = tablePane();
        VBox center = new VBox(tablePane, formPane());
        VBox.setVgrow(tablePane, Priority.ALWAYS);
        center.getStyleClass().add("alarm-rules-center");
        setCenter(center);
        setBottom(footer());

        vm.selectedProperty().addListener((o, a, b) -> bind(b));
        bind(vm.selectedProperty().get());
    }

    public TableView<RuleDraft> table() {
        return table;
    }

    // ------------------------------------------------------------------------------------------------ toolbar

    private Node toolbar() {
        TextField filter = new TextField();
        filter.setId("alarm-rules-filter");
        filter.setPromptText("Filter: id, match, kind, priority, message");
        filter.setPrefColumnCount(28);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Label count = new Label();
        count.getStyleClass().add("alarm-rules-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.rules().size() + " rules", vm.rules()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button add = new Button("Add copy");
        add.setId("alarm-rules-add");
        add.setOnAction(e -> vm.addCopyOfSelected());
        add.disableProperty().bind(vm.busyProperty());
        Button delete = new Button("Delete");
        delete.setId("alarm-rules-delete");
        delete.setOnAction(e -> vm.deleteSelected());
        delete.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
        HBox bar = new HBox(filter, count, spacer, add, delete);
        bar.getStyleClass().addAll("alarm-toolbar", "alarm-rules-toolbar");
        return bar;
    }

    // ------------------------------------------------------------------------------------------------ table

    private Node tablePane() {
        table.setId("alarm-rules-table");
        table.getStyleClass().addAll("alarm-table", "alarm-rules-table");
        SortedList<RuleDraft> sorted = new SortedList<>(vm.rules());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No alarm rules"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<RuleDraft, String> mark = new TableColumn<>("");
        mark.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> c.getValue().invalidProperty().get() ? "!" : c.getValue().modifiedProperty().get() ? "*" : "",
                c.getValue().invalidProperty(), c.getValue().modifiedProperty()));
        mark.setPrefWidth(26);
        mark.setMaxWidth(26);
        mark.setSortable(false);
        mark.getStyleClass().add("alarm-rules-col-mark");
        table.getColumns().add(mark);
        table.getColumns().add(column("Id", d -> d.field(RuleField.ID), 22, null));
        TableColumn<RuleDraft, String> match = new TableColumn<>("Match");
        match.setCellValueFactory(c -> {
            RuleDraft d = c.getValue();
            return Bindings.createStringBinding(d::matchSummary, d.field(RuleField.PATH), d.field(RuleField.METRIC),
                    d.field(RuleField.DEVICE_TYPE), d.field(RuleField.LEVEL));
        });
        match.setPrefWidth(210);
        ColumnFit.tooltipWhenCut(match);
        table.getColumns().add(match);
        table.getColumns().add(column("Kind", d -> Bindings.createStringBinding(
                () -> kindText(d.field(RuleField.KIND).get()), d.field(RuleField.KIND)), 7.5, null));
        Comparator<String> numeric = Comparator.comparingDouble(AlarmRulesView::numberOrInfinity);
        table.getColumns().add(numericColumn("Limit", RuleField.LIMIT, numeric));
        table.getColumns().add(numericColumn("Deadband", RuleField.DEADBAND, numeric));
        table.getColumns().add(column("On delay", d -> d.field(RuleField.ON_DELAY), 9.5, null));
        table.getColumns().add(column("Off delay", d -> d.field(RuleField.OFF_DELAY), 9.5, null));
        TableColumn<RuleDraft, String> priority = column("Priority", d -> Bindings.createStringBinding(
                () -> priorityText(d.field(RuleField.PRIORITY).get()), d.field(RuleField.PRIORITY)), 10.5, null);
        priority.setComparator(Comparator.naturalOrder()); // "1 Critical" < "2 High": by number
        table.getColumns().add(priority);
        table.getColumns().add(column("Message", d -> d.field(RuleField.MESSAGE), 18, null));

        table.setRowFactory(t -> new TableRow<>() {
            private final javafx.beans.InvalidationListener restyle = o -> restyle();
            private RuleDraft shown;

            @Override
            protected void updateItem(RuleDraft item, boolean empty) {
                super.updateItem(item, empty);
                if (shown != null) {
                    shown.invalidProperty().removeListener(restyle);
                    shown.modifiedProperty().removeListener(restyle);
                }
                shown = empty ? null : item;
                if (shown != null) {
                    shown.invalidProperty().addListener(restyle);
                    shown.modifiedProperty().addListener(restyle);
                }
                restyle();
            }

            private void restyle() {
                pseudoClassStateChanged(INVALID, shown != null && shown.invalidProperty().get());
                pseudoClassStateChanged(MODIFIED, shown != null && shown.modifiedProperty().get());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedProperty().get()) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
            if (b != null) {
                table.scrollTo(b);
            }
        });
        table.getSelectionModel().select(vm.selectedProperty().get());
        return table;
    }

    private static TableColumn<RuleDraft, String> column(String title,
            java.util.function.Function<RuleDraft, ObservableValue<String>> value, double ems, String styleClass) {
        TableColumn<RuleDraft, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        c.setPrefWidth(ems * 8);
        if (ems <= 11) {
            // short values (limits, delays, priority) are never cut; id, match, message give way, with a tooltip
            ColumnFit.key(c, "88888.88");
        } else {
            ColumnFit.tooltipWhenCut(c);
        }
        if (styleClass != null) {
            c.getStyleClass().add(styleClass);
        }
        return c;
    }

    private static TableColumn<RuleDraft, String> numericColumn(String title, RuleField field, Comparator<String> cmp) {
        TableColumn<RuleDraft, String> c = column(title, d -> d.field(field), title.length() > 6 ? 9.5 : 7, "alarm-rules-col-number");
        c.setComparator(cmp);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
            }
        });
        ColumnFit.key(c, "88888.88"); // after the cell factory: key() wraps the factory it finds
        return c;
    }

    private static double numberOrInfinity(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (RuntimeException e) {
            return Double.POSITIVE_INFINITY; // blank (no limit) sorts last
        }
    }

    /** The short label the alarm list uses (ROC, COMMS, …); what was typed if it is no kind. */
    static String kindText(String kind) {
        try {
            return AlarmKind.valueOf(kind.strip()).label();
        } catch (RuntimeException e) {
            return kind;
        }
    }

    static String priorityText(String priority) {
        try {
            AlarmPriority p = AlarmPriority.valueOf(priority.strip());
            String name = p.name().toLowerCase(Locale.ROOT);
            return p.number() + " " + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        } catch (RuntimeException e) {
            return priority;
        }
    }

    // ------------------------------------------------------------------------------------------------ form

    private Node formPane() {
        formTitle.getStyleClass().add("alarm-rules-form-title");
        formTitle.setId("alarm-rules-form-title");
        formState.getStyleClass().add("alarm-rules-form-state");
        HBox head = new HBox(formTitle, formState);
        head.getStyleClass().add("alarm-rules-form-head");

        // Four label/input pairs per row, one row per concern: identity, which points, condition, what the operator
        // reads. The inputs share the width equally.
        GridPane grid = new GridPane();
        grid.getStyleClass().add("alarm-rules-grid");
        for (int i = 0; i < PAIRS; i++) {
            // Labels as wide as their text at any display scale; the inputs share what is left.
            ColumnConstraints label = new ColumnConstraints();
            label.setHgrow(javafx.scene.layout.Priority.NEVER);
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            ColumnConstraints input = new ColumnConstraints();
            input.setHgrow(javafx.scene.layout.Priority.ALWAYS);
            input.setMinWidth(60);
            grid.getColumnConstraints().addAll(label, input);
        }
        TextField id = new TextField();
        id.setPromptText("unique, e.g. substation-voltage-hh");
        place(grid, 0, 0, 2, RuleField.ID, id);
        place(grid, 0, 2, 1, RuleField.KIND, choice(enumNames(AlarmKind.values())));
        place(grid, 0, 3, 1, RuleField.PRIORITY, choice(enumNames(AlarmPriority.values())));
        TextField metric = new TextField();
        metric.setPromptText("e.g. Substation/Voltage or Alarm/**");
        TextField path = new TextField();
        path.setPromptText("glob on group/node/device/metric");
        TextField deviceType = new TextField();
        deviceType.setPromptText("pv, bat, ev, load, wind");
        place(grid, 2, 0, 1, RuleField.METRIC, metric);
        place(grid, 2, 1, 1, RuleField.PATH, path);
        place(grid, 2, 2, 1, RuleField.DEVICE_TYPE, deviceType);
        place(grid, 2, 3, 1, RuleField.LEVEL, choice(List.of("node", "device", "any")));
        TextField onDelay = new TextField();
        onDelay.setPromptText("e.g. 5s, 500ms, 2m");
        TextField offDelay = new TextField();
        offDelay.setPromptText("e.g. 30s");
        place(grid, 4, 0, 1, RuleField.LIMIT, new TextField());
        place(grid, 4, 1, 1, RuleField.DEADBAND, new TextField());
        place(grid, 4, 2, 1, RuleField.ON_DELAY, onDelay);
        place(grid, 4, 3, 1, RuleField.OFF_DELAY, offDelay);
        TextField message = new TextField();
        message.setPromptText("what the alarm list shows");
        TextArea description = new TextArea();
        description.setPromptText("why the rule exists, for alarm engineers");
        description.setPrefRowCount(2);
        description.setWrapText(true);
        place(grid, 6, 0, 2, RuleField.MESSAGE, message);
        place(grid, 6, 2, 2, RuleField.DESCRIPTION, description);

        form.getChildren().setAll(head, grid);
        form.getStyleClass().add("alarm-rules-form");
        return form;
    }

    private static final int PAIRS = 4;

    private static List<String> enumNames(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static ChoiceBox<String> choice(List<String> items) {
        ChoiceBox<String> c = new ChoiceBox<>();
        c.getItems().setAll(items);
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    /** A label and its input in pair {@code pair} (0..3) of grid row {@code row}, the field's message below. */
    private void place(GridPane grid, int row, int pair, int pairs, RuleField f, Control input) {
        register(f, input);
        Label label = fieldLabel(f);
        grid.add(label, pair * 2, row);
        grid.add(input, pair * 2 + 1, row, pairs * 2 - 1, 1);
        grid.add(errorLabels.get(f), pair * 2 + 1, row + 1, pairs * 2 - 1, 1);
        javafx.scene.layout.GridPane.setValignment(label, javafx.geometry.VPos.TOP);
    }

    private void register(RuleField f, Control input) {
        String id = "alarm-rule-" + f.key().replace('.', '-');
        input.setId(id);
        input.setMaxWidth(Double.MAX_VALUE);
        inputs.put(f, input);
        Label error = new Label();
        error.setId(id + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setMaxWidth(Double.MAX_VALUE);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        errorLabels.put(f, error);
    }

    private static Label fieldLabel(RuleField f) {
        Label l = new Label(f.label());
        l.getStyleClass().add("field-label");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private void bind(RuleDraft d) {
        unbind.forEach(Runnable::run);
        unbind.clear();
        if (bound != null) {
            bound.errors().removeListener(errorListener);
        }
        bound = d;
        form.setDisable(d == null);
        if (d == null) {
            formTitle.setText("No rule selected");
            formState.setText("");
            inputs.values().forEach(c -> {
                if (c instanceof TextInputControl t) {
                    t.clear();
                }
            });
            showErrors();
            return;
        }
        for (Map.Entry<RuleField, Control> e : inputs.entrySet()) {
            StringProperty p = d.field(e.getKey());
            if (e.getValue() instanceof TextInputControl t) {
                t.textProperty().bindBidirectional(p);
                unbind.add(() -> t.textProperty().unbindBidirectional(p));
            } else if (e.getValue() instanceof ChoiceBox<?> c) {
                @SuppressWarnings("unchecked")
                ChoiceBox<String> box = (ChoiceBox<String>) c;
                box.valueProperty().bindBidirectional(p);
                unbind.add(() -> box.valueProperty().unbindBidirectional(p));
            }
        }
        for (RuleField f : List.of(RuleField.LIMIT, RuleField.DEADBAND)) {
            Control c = inputs.get(f);
            c.disableProperty().bind(d.limitUsedProperty().not());
            unbind.add(() -> c.disableProperty().unbind());
        }
        formTitle.textProperty().bind(Bindings.concat("Rule ", d.idProperty()));
        unbind.add(() -> formTitle.textProperty().unbind());
        formState.textProperty().bind(Bindings.createStringBinding(
                () -> d.invalidProperty().get() ? "has problems" : d.modifiedProperty().get() ? "edited, not applied" : "",
                d.invalidProperty(), d.modifiedProperty()));
        unbind.add(() -> formState.textProperty().unbind());
        d.errors().addListener(errorListener);
        showErrors();
    }

    private void showErrors() {
        for (RuleField f : RuleField.values()) {
            String message = bound == null ? null : bound.errors().get(f);
            errorLabels.get(f).setText(message == null ? "" : message);
            inputs.get(f).pseudoClassStateChanged(INVALID, message != null);
        }
    }

    // ------------------------------------------------------------------------------------------------ footer

    private Node footer() {
        Label changesTitle = new Label();
        changesTitle.getStyleClass().add("alarm-rules-section");
        changesTitle.textProperty().bind(Bindings.createStringBinding(
                () -> vm.pendingChanges().isEmpty() ? "" : "Changes to apply (" + vm.pendingChanges().size()
                        + ", journaled under your name)", vm.pendingChanges()));
        ListView<String> changes = new ListView<>(vm.pendingChanges());
        changes.setId("alarm-rules-changes");
        changes.getStyleClass().add("alarm-rules-changes");
        changes.setFocusTraversable(false);
        changes.setPrefHeight(54);
        VBox pending = new VBox(changesTitle, changes);
        pending.getStyleClass().add("alarm-rules-pending");
        pending.visibleProperty().bind(Bindings.isNotEmpty(vm.pendingChanges()));
        pending.managedProperty().bind(pending.visibleProperty());

        Label status = new Label();
        status.setId("alarm-rules-status");
        status.getStyleClass().add("alarm-rules-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        vm.statusKindProperty().addListener((o, a, b) -> statusKind(status, b));
        statusKind(status, vm.statusKindProperty().get());
        Label problems = new Label();
        problems.setId("alarm-rules-problems");
        problems.getStyleClass().add("alarm-rules-problems");
        problems.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.problemCountProperty().get();
            return n == 0 ? "" : n + (n == 1 ? " problem" : " problems") + " to fix before Apply";
        }, vm.problemCountProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(status, Priority.SOMETIMES);
        Button revert = new Button("Revert");
        revert.setId("alarm-rules-revert");
        revert.setOnAction(e -> vm.revert());
        revert.disableProperty().bind(vm.dirtyProperty().not().or(vm.busyProperty()));
        Button apply = new Button("Apply");
        apply.setId("alarm-rules-apply");
        apply.getStyleClass().add("primary");
        apply.setOnAction(e -> vm.apply());
        apply.disableProperty().bind(vm.dirtyProperty().not().or(vm.validProperty().not()).or(vm.busyProperty()));
        HBox buttons = new HBox(status, spacer, problems, revert, apply);
        buttons.getStyleClass().add("alarm-rules-buttons");
        VBox footer = new VBox(pending, buttons);
        footer.getStyleClass().add("alarm-rules-footer");
        return footer;
    }

    private static void statusKind(Label status, AlarmRulesViewModel.StatusKind kind) {
        status.getStyleClass().removeAll("status-info", "status-ok", "status-failed");
        status.getStyleClass().add("status-" + kind.name().toLowerCase(Locale.ROOT));
    }
}
