package org.plurigrid.console.views.points;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.views.common.FrameListener;

/**
 * The live point table's state: one row per point ever seen, updated in place each frame, filtered by path text and
 * quality, sorted by whatever the operator chose. Rows keep their place while values move; the order is re-applied
 * about once a second (a table that reshuffles every frame cannot be read), and at once when the sort, the filter
 * or the set of points changes.
 */
public final class PointTableViewModel implements FrameListener {

    static final Duration RESORT_PERIOD = Duration.ofSeconds(1);
    private static final Comparator<PointRow> BY_PATH = Comparator.comparing(PointRow::id);

    private final InstantSource clock;
    private final Map<PointId, PointRow> byId = new HashMap<>();
    private final ObservableList<PointRow> source = FXCollections.observableArrayList();
    private final FilteredList<PointRow> filtered = new FilteredList<>(source);
    private final SortedList<PointRow> sorted = new SortedList<>(filtered);

    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<QualityFilter> qualityFilter = new SimpleObjectProperty<>(this, "qualityFilter", QualityFilter.ALL);
    private final ObjectProperty<Comparator<PointRow>> sortOrder = new SimpleObjectProperty<>(this, "sortOrder");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    /** A state replaced by one without points (a replay instant before anything was recorded). */
    private final javafx.beans.property.BooleanProperty emptyState = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.ReadOnlyStringWrapper emptyText =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "emptyText");

    private Instant lastResort = Instant.MIN;
    private boolean valuesMovedSinceResort;

    private org.plurigrid.console.views.common.AssetActionRunner assetActions =
            org.plurigrid.console.views.common.AssetActionRunner.none();

    public PointTableViewModel(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        filterText.addListener((o, a, b) -> refilter());
        qualityFilter.addListener((o, a, b) -> refilter());
        // An invalidation listener, not a change listener: the table hands over an equal but new comparator when
        // only a column's direction changes, and a change listener (equals) would miss it.
        sortOrder.addListener((Observable o) -> resort());
        shownCount.bind(javafx.beans.binding.Bindings.size(sorted));
        emptyText.bind(javafx.beans.binding.Bindings.createStringBinding(() -> totalCount.get() > 0
                        ? "No point matches the filter"
                        : emptyState.get() ? "No point has a value at this instant" : "Waiting for telemetry…",
                totalCount, emptyState));
        sorted.setComparator(BY_PATH);
    }

    @Override
    public void onFrame(ChangeSet changes) {
        if (changes.replacesAll()) {
            keepOnly(changes.changed());
            emptyState.set(changes.changed().isEmpty());
        }
        if (!changes.changed().isEmpty()) {
            apply(changes.changed());
        }
        Instant now = clock.instant();
        if (valuesMovedSinceResort && sortOrder.get() != null && !now.isBefore(lastResort.plus(RESORT_PERIOD))) {
            resort();
        }
    }

    /** The state was replaced (a replay seek, back to live): points it does not hold have no value now and go. */
    private void keepOnly(List<Measurement> state) {
        java.util.Set<PointId> kept = new java.util.HashSet<>(state.size() * 2);
        for (Measurement m : state) {
            kept.add(m.id());
        }
        java.util.Set<PointRow> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        byId.values().removeIf(row -> !kept.contains(row.id()) && gone.add(row));
        if (!gone.isEmpty()) {
            source.removeAll(gone); // one change for the table, not one per row
            totalCount.set(source.size());
        }
    }

    private void apply(List<Measurement> changed) {
        List<PointRow> added = new ArrayList<>();
        boolean qualityChanged = false;
        for (Measurement m : changed) {
            PointRow row = byId.get(m.id());
            if (row == null) {
                row = new PointRow(m);
                byId.put(m.id(), row);
                added.add(row);
            } else {
                qualityChanged |= row.update(m);
            }
        }
        valuesMovedSinceResort = true;
        if (!added.isEmpty()) {
            // New points arrive in bursts (births); sorting the burst by path keeps the unsorted table readable.
            added.sort(Comparator.comparing(PointRow::path));
            source.addAll(added);
            totalCount.set(source.size());
        }
        if (qualityChanged && qualityFilter.get() != QualityFilter.ALL) {
            refilter();
        }
    }

    private void refilter() {
        String text = Objects.requireNonNullElse(filterText.get(), "").trim().toLowerCase(Locale.ROOT);
        QualityFilter q = Objects.requireNonNullElse(qualityFilter.get(), QualityFilter.ALL);
        // Every whitespace-separated word must appear in the path: "groningen pv" finds all PV in Groningen.
        String[] words = text.isEmpty() ? new String[0] : text.split("\\s+");
        Predicate<PointRow> p = row -> {
            if (!q.accepts(row.qualityProperty().get())) {
                return false;
            }
            String path = row.path().toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!path.contains(w)) {
                    return false;
                }
            }
            return true;
        };
        filtered.setPredicate(p);
    }

    private void resort() {
        Comparator<PointRow> order = sortOrder.get();
        // A fresh wrapper makes the SortedList sort again even when the operator's order is the same object.
        // Without an operator's choice, rows stand in path order (grid, node, device, metric), wherever they arrive.
        sorted.setComparator(order == null ? BY_PATH : new Resort(order));
        lastResort = clock.instant();
        valuesMovedSinceResort = false;
    }

    private record Resort(Comparator<PointRow> order) implements Comparator<PointRow> {
        @Override
        public int compare(PointRow a, PointRow b) {
            return order.compare(a, b);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** The rows to show, filtered and sorted; the view sets this as its items. */
    /** Extra actions on a point (plugins'); none until the console sets them, before the view is built. */
    public void setAssetActions(org.plurigrid.console.views.common.AssetActionRunner runner) {
        this.assetActions = java.util.Objects.requireNonNull(runner, "runner");
    }

    public org.plurigrid.console.views.common.AssetActionRunner assetActions() {
        return assetActions;
    }

    public ObservableList<PointRow> rows() {
        return sorted;
    }

    /** Free-text filter on the point path; words separated by spaces must all match. Bind bidirectionally. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<QualityFilter> qualityFilterProperty() {
        return qualityFilter;
    }

    /** The operator's sort order; the view binds it to its table's comparator. */
    public ObjectProperty<Comparator<PointRow>> sortOrderProperty() {
        return sortOrder;
    }

    /** Points known. */
    /** What the table says when it shows no row: waiting for the first values, none at this instant, or none matching. */
    public javafx.beans.property.ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    /** Points passing the filter. */
    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public Optional<PointRow> row(PointId id) {
        return Optional.ofNullable(byId.get(id));
    }
}
