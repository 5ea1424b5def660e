package org.plurigrid.console.views.alarms;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmChanges;
import org.plurigrid.console.client.alarms.AlarmCommands;
import org.plurigrid.console.client.alarms.AlarmCounts;
import org.plurigrid.console.client.alarms.AlarmFeed;
import org.plurigrid.console.client.alarms.AlarmKey;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.client.alarms.CommandResult;

/**
 * State and commands of the alarm list. {@link #onFrame()} is called by the app's frame pump once per frame on the FX
 * thread: it drains the coalesced alarm changes, so a flood of thousands of transitions is one list update per frame.
 * The sorted, filtered {@link #rows()} are what the table shows; commands go to {@link AlarmCommands} in the name of
 * the signed-in operator and report rejections in {@link #messageProperty()}.
 */
public final class AlarmListViewModel {

    /** How many rows "acknowledge page" covers: one screenful of the current sort and filter. */
    public static final int DEFAULT_PAGE_SIZE = 30;
    private static final long FLASH_HALF_PERIOD_MS = 500;

    private final AlarmFeed feed;
    private final AlarmCommands commands;
    private final InstantSource clock;
    private final String operator;
    private final int pageSize;

    private final Map<AlarmKey, AlarmRow> rowsByKey = new HashMap<>();
    // The extractor turns a row's alarm change into an "updated" event, so filter and sort follow state changes.
    private final ObservableList<AlarmRow> all =
            FXCollections.observableArrayList(row -> new Observable[]{row.alarmProperty()});
    private final FilteredList<AlarmRow> filtered = new FilteredList<>(all);
    private final SortedList<AlarmRow> sorted = new SortedList<>(filtered);
    private final ObservableList<AlarmRow> selection = FXCollections.observableArrayList();

    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<AlarmPriority> minimumPriority =
            new SimpleObjectProperty<>(this, "minimumPriority", AlarmPriority.LOW);
    private final BooleanProperty unacknowledgedOnly = new SimpleBooleanProperty(this, "unacknowledgedOnly", false);
    private final BooleanProperty showHidden = new SimpleBooleanProperty(this, "showHidden", false);
    private final ObjectProperty<AlarmSortOrder> sortOrder =
            new SimpleObjectProperty<>(this, "sortOrder", AlarmSortOrder.PRIORITY);

    private final ReadOnlyObjectWrapper<AlarmCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts", AlarmCounts.NONE);
    private final ReadOnlyBooleanWrapper flood = new ReadOnlyBooleanWrapper(this, "flood", false);
    private final ReadOnlyBooleanWrapper flashOn = new ReadOnlyBooleanWrapper(this, "flashOn", true);
    private final ReadOnlyIntegerWrapper hiddenCount = new ReadOnlyIntegerWrapper(this, "hiddenCount", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private org.plurigrid.console.views.common.AssetActionRunner assetActions =
            org.plurigrid.console.views.common.AssetActionRunner.none();
    private Consumer<Alarm> onShowOnMap = alarm -> { };

    /**
     * @param feed     where alarm changes come from (the engine, or a replay)
     * @param commands where acknowledgements and shelving go (the engine)
     * @param clock    drives the flash phase of unacknowledged alarms
     * @param operator the signed-in user name written into the journal
     * @param pageSize how many rows "acknowledge page" covers
     */
    public AlarmListViewModel(AlarmFeed feed, AlarmCommands commands, InstantSource clock, String operator,
                              int pageSize) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.operator = Objects.requireNonNull(operator, "operator");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.pageSize = pageSize;
        filtered.predicateProperty().bind(Bindings.createObjectBinding(this::predicate,
                filterText, minimumPriority, unacknowledgedOnly, showHidden));
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> sortOrder.get().rowComparator(), sortOrder));
    }

    public AlarmListViewModel(AlarmFeed feed, AlarmCommands commands, InstantSource clock, String operator) {
        this(feed, commands, clock, operator, DEFAULT_PAGE_SIZE);
    }

    // ------------------------------------------------------------------------------------------------ per frame

    /** Catch up with the alarm feed; call once per frame on the FX thread. */
    public void onFrame() {
        AlarmChanges changes = feed.drainChanges();
        if (!changes.isEmpty()) {
            List<AlarmRow> added = new ArrayList<>();
            for (Alarm a : changes.updated()) {
                AlarmRow row = rowsByKey.get(a.key());
                if (row == null) {
                    row = new AlarmRow(a);
                    rowsByKey.put(a.key(), row);
                    added.add(row);
                } else {
                    row.update(a);
                }
            }
            all.addAll(added);
            if (!changes.removed().isEmpty()) {
                Set<AlarmRow> gone = new HashSet<>();
                for (AlarmKey k : changes.removed()) {
                    AlarmRow row = rowsByKey.remove(k);
                    if (row != null) {
                        gone.add(row);
                    }
                }
                all.removeAll(gone);
                selection.removeAll(gone);
            }
            hiddenCount.set((int) all.stream().filter(r -> !r.alarm().isVisible()).count());
        }
        counts.set(changes.counts());
        flood.set(changes.inFlood());
        flashOn.set((clock.instant().toEpochMilli() / FLASH_HALF_PERIOD_MS) % 2 == 0);
    }

    private Predicate<AlarmRow> predicate() {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        AlarmPriority min = minimumPriority.get() == null ? AlarmPriority.LOW : minimumPriority.get();
        boolean unackOnly = unacknowledgedOnly.get();
        boolean hidden = showHidden.get();
        return row -> {
            Alarm a = row.alarm();
            if (!hidden && !a.isVisible()) {
                return false;
            }
            if (!a.priority().atLeast(min) || unackOnly && !a.isUnacknowledged()) {
                return false;
            }
            return text.isEmpty()
                    || a.point().path().toLowerCase(Locale.ROOT).contains(text)
                    || a.message().toLowerCase(Locale.ROOT).contains(text)
                    || a.key().ruleId().toLowerCase(Locale.ROOT).contains(text);
        };
    }

    // ------------------------------------------------------------------------------------------------ commands

    /** Acknowledge one alarm. */
    public boolean acknowledge(AlarmRow row) {
        return report(commands.acknowledge(row.key(), operator, ""));
    }

    /** Acknowledge the selected rows that are unacknowledged; returns how many were acknowledged. */
    public int acknowledgeSelected() {
        return acknowledgeRows(List.copyOf(selection));
    }

    /**
     * Acknowledge the unacknowledged alarms among the first {@code pageSize} rows of the list as currently sorted and
     * filtered: what the operator sees, never alarms scrolled out of sight.
     */
    public int acknowledgePage() {
        return acknowledgeRows(sorted.subList(0, Math.min(pageSize, sorted.size())));
    }

    private int acknowledgeRows(Collection<AlarmRow> rows) {
        List<AlarmKey> keys = rows.stream().filter(r -> r.alarm().isUnacknowledged()).map(AlarmRow::key).toList();
        int n = keys.isEmpty() ? 0 : commands.acknowledgeAll(keys, operator);
        message.set(n == 0 ? "Nothing to acknowledge." : "Acknowledged " + n + (n == 1 ? " alarm." : " alarms."));
        return n;
    }

    /** Shelve an alarm for a while; the reason is mandatory (it goes into the journal). */
    public boolean shelve(AlarmRow row, String reason, Duration duration) {
        return report(commands.shelve(row.key(), operator, reason, duration));
    }

    public boolean unshelve(AlarmRow row) {
        return report(commands.unshelve(row.key(), operator));
    }

    public boolean comment(AlarmRow row, String text) {
        return report(commands.comment(row.key(), operator, text));
    }

    /** Ask the app to centre the map on the alarm's asset (the callback set with {@link #setOnShowOnMap}). */
    /** Extra actions on an alarm's point (plugins'); none until the console sets them. */
    public void setAssetActions(org.plurigrid.console.views.common.AssetActionRunner runner) {
        this.assetActions = java.util.Objects.requireNonNull(runner, "runner");
        runner.resultProperty().addListener((o, was, now) -> message.set(now));
    }

    public org.plurigrid.console.views.common.AssetActionRunner assetActions() {
        return assetActions;
    }

    public void showOnMap(AlarmRow row) {
        onShowOnMap.accept(row.alarm());
    }

    public void setOnShowOnMap(Consumer<Alarm> action) {
        this.onShowOnMap = Objects.requireNonNull(action, "action");
    }

    private boolean report(CommandResult result) {
        return switch (result) {
            case CommandResult.Applied a -> {
                message.set("");
                yield true;
            }
            case CommandResult.Rejected r -> {
                message.set(r.reason());
                yield false;
            }
        };
    }

    // ------------------------------------------------------------------------------------------------ state

    /** The rows the table shows: filtered and sorted. Read-only. */
    public ObservableList<AlarmRow> rows() {
        return sorted;
    }

    /** Rows the view has selected; the view keeps this in step with the table's selection. */
    public ObservableList<AlarmRow> selection() {
        return selection;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<AlarmPriority> minimumPriorityProperty() {
        return minimumPriority;
    }

    public BooleanProperty unacknowledgedOnlyProperty() {
        return unacknowledgedOnly;
    }

    /** Also list shelved, suppressed and out-of-service alarms. */
    public BooleanProperty showHiddenProperty() {
        return showHidden;
    }

    public ObjectProperty<AlarmSortOrder> sortOrderProperty() {
        return sortOrder;
    }

    public ReadOnlyObjectProperty<AlarmCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty floodProperty() {
        return flood.getReadOnlyProperty();
    }

    /** Toggles twice a second: unacknowledged alarms flash with it, acknowledged ones never do. */
    public ReadOnlyBooleanProperty flashOnProperty() {
        return flashOn.getReadOnlyProperty();
    }

    /** How many alarms are shelved, suppressed or out of service (shown as a hint next to "show hidden"). */
    public ReadOnlyIntegerProperty hiddenCountProperty() {
        return hiddenCount.getReadOnlyProperty();
    }

    /** The outcome of the last command when it needs the operator's attention (a rejection), else empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String operator() {
        return operator;
    }

    public int pageSize() {
        return pageSize;
    }
}
