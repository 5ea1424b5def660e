package org.plurigrid.console.devnet.fleet;

import java.util.Objects;

/**
 * A metric a device or edge node publishes: its Sparkplug name, value kind, engineering unit and the resolution to
 * which values are rounded before publishing (report by exception: only a change of at least one step is sent).
 */
public record MetricSpec(String name, Kind kind, String engUnit, double resolution) {

    /** How the value goes on the wire. */
    public enum Kind { DOUBLE, BOOLEAN }

    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(engUnit, "engUnit");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Metric name must not be blank");
        }
        if (!(resolution > 0)) {
            throw new IllegalArgumentException("Resolution of " + name + " must be > 0, was " + resolution);
        }
    }

    static MetricSpec analog(String name, String unit, double resolution) {
        return new MetricSpec(name, Kind.DOUBLE, unit, resolution);
    }

    static MetricSpec flag(String name) {
        return new MetricSpec(name, Kind.BOOLEAN, "", 1);
    }

    /** The value as it will be published: rounded to the resolution (booleans to 0 or 1). */
    public double quantize(double value) {
        if (Double.isNaN(value)) {
            return value; // unknown stays unknown (e.g. voltages after a DC power flow), never a fake 0
        }
        if (kind == Kind.BOOLEAN) {
            return value != 0 ? 1 : 0;
        }
        // Dividing by the step count (not multiplying by the resolution) gives the shortest decimal, e.g. 12.34.
        double steps = 1 / resolution;
        return Math.round(value * steps) / steps;
    }
}
