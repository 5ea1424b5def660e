package org.plurigrid.console.views.alarms;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.client.alarms.JournalEntry;
import org.plurigrid.console.views.common.ColumnFit;

/** The alarm journal: every transition with time, operator and comment, newest first, filterable. */
public final class AlarmJournalView extends BorderPane {

    private final AlarmJournalViewModel vm;
    private final AlarmFormat format;
    private final TableView<JournalEntry> table = new TableView<>();

    public AlarmJournalView(AlarmJournalViewModel vm, ZoneId zone) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.format = new AlarmFormat(zone);
        getStyleClass().add("alarm-journal");
        getStylesheets().add(AlarmListView.stylesheet());

        TextField filter = new TextField();
        filter.setPromptText("Filter: source, event, operator, comment");
        filter.setPrefColumnCount(28);
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        Button all = new Button("Show all alarms");
        all.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.alarmProperty().get().isPresent(), vm.alarmProperty()));
        all.managedProperty().bind(all.visibleProperty());
        all.setOnAction(e -> vm.showAll());
        HBox bar = new HBox(filter, all);
        bar.getStyleClass().add("alarm-toolbar");
        setTop(bar);

        table.getStyleClass().add("alarm-table");
        table.setItems(vm.entries());
        table.setPlaceholder(new Label("No journal entries"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<JournalEntry, AlarmPriority> prio = new TableColumn<>("P");
        prio.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().priority().orElse(null)));
        prio.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(AlarmPriority p, boolean empty) {
                super.updateItem(p, empty);
                setText(null);
                setGraphic(empty || p == null ? null : new AlarmMark(p));
            }
        });
        prio.setPrefWidth(48);
        prio.setMaxWidth(48);
        prio.getStyleClass().add("alarm-col-priority");
        TableColumn<JournalEntry, String> time = text("Time", e -> format.dateTime(e.time()), 12.5);
        ColumnFit.key(time, format.dateTime(java.time.Instant.parse("2026-12-31T23:58:58Z")));
        table.getColumns().add(time);
        table.getColumns().add(prio);
        TableColumn<JournalEntry, String> event = text("Event", e -> AlarmFormat.event(e.event()), 10.5);
        ColumnFit.key(event, java.util.Arrays.stream(org.plurigrid.console.client.alarms.JournalEvent.values())
                .map(AlarmFormat::event).toList());
        table.getColumns().add(event);
        table.getColumns().add(cut(text("Source", JournalEntry::source, 26)));
        table.getColumns().add(cut(text("Message", JournalEntry::message, 19)));
        TableColumn<JournalEntry, String> state = text("State", e -> e.state().map(AlarmFormat::state).orElse(""), 7);
        ColumnFit.key(state, java.util.Arrays.stream(org.plurigrid.console.client.alarms.AlarmState.values())
                .map(AlarmFormat::state).toList());
        table.getColumns().add(state);
        table.getColumns().add(cut(text("Operator", JournalEntry::operator, 6)));
        table.getColumns().add(cut(text("Comment", JournalEntry::comment, 18)));
        table.getColumns().forEach(c -> c.setSortable(false));
        setCenter(table);
    }

    public AlarmJournalView(AlarmJournalViewModel vm) {
        this(vm, ZoneId.systemDefault());
    }

    public TableView<JournalEntry> table() {
        return table;
    }

    private static TableColumn<JournalEntry, String> cut(TableColumn<JournalEntry, String> c) {
        ColumnFit.tooltipWhenCut(c);
        return c;
    }

    private static TableColumn<JournalEntry, String> text(String title, Function<JournalEntry, String> f, double em) {
        TableColumn<JournalEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())).getReadOnlyProperty());
        c.setPrefWidth(em * 15);
        return c;
    }
}
