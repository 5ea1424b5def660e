package org.plurigrid.console.maplayers.map;

import java.util.Arrays;
import java.util.Objects;

/**
 * The recent values of the selected asset's main quantity (branch loading, substation net load, area load), oldest
 * first, for the detail pane's sparkline. {@code values} is a copy; NaN marks a frame without a value.
 */
public record Trend(String assetId, String label, String unit, double[] values) {

    public Trend {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(label, "label");
        unit = unit == null ? "" : unit;
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double last() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trend t && t.assetId.equals(assetId) && t.label.equals(label) && t.unit.equals(unit)
                && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(assetId, label, unit, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Trend[" + assetId + " " + label + " n=" + values.length + " last=" + last() + "]";
    }
}
