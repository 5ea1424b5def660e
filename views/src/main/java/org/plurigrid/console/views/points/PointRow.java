package org.plurigrid.console.views.points;

import java.time.Instant;
import java.util.Objects;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/**
 * One row of the point table. Rows are updated in place (only visible cells listen), so thousands of rows can change
 * every frame without rebuilding the list. Only the table's view-model writes to a row.
 */
public final class PointRow {

    private final PointId id;
    private final String path;
    private final ReadOnlyDoubleWrapper value = new ReadOnlyDoubleWrapper(this, "value");
    private final ReadOnlyObjectWrapper<Quality> quality = new ReadOnlyObjectWrapper<>(this, "quality", Quality.GOOD);
    private final ReadOnlyObjectWrapper<Instant> time = new ReadOnlyObjectWrapper<>(this, "time", Instant.EPOCH);
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper(this, "unit", "");

    PointRow(Measurement first) {
        this.id = first.id();
        this.path = id.path();
        update(first);
    }

    /** Applies a newer measurement; returns whether the quality changed (filters by quality must then re-run). */
    boolean update(Measurement m) {
        if (!m.id().equals(id)) {
            throw new IllegalArgumentException("measurement of " + m.id() + " applied to row " + id);
        }
        Quality before = quality.get();
        value.set(m.value());
        time.set(m.time());
        unit.set(m.unit());
        quality.set(m.quality());
        return before != m.quality();
    }

    public PointId id() {
        return id;
    }

    /** The operator's path of the point, e.g. {@code cg-groningen/groningen-sub-03/pv-0042/ActivePower}. */
    public String path() {
        return path;
    }

    public String group() {
        return id.group();
    }

    public String node() {
        return id.node();
    }

    /** The device, or "—" for node-level metrics so the cell is never blank. */
    public String device() {
        return id.device().isEmpty() ? "—" : id.device();
    }

    public String metric() {
        return id.metric();
    }

    public ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Quality> qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unitProperty() {
        return unit.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return path + "=" + value.get() + " " + unit.get() + " " + quality.get();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointRow r && r.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
