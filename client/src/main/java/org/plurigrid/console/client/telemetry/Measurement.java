package org.plurigrid.console.client.telemetry;

import java.time.Instant;
import java.util.Objects;

/** The latest known state of one point: value, source timestamp, quality and engineering unit. */
public record Measurement(PointId id, double value, Instant time, Quality quality, String unit) {

    public Measurement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(quality, "quality");
        unit = unit == null ? "" : unit;
    }

    public Measurement withQuality(Quality q) {
        return q == quality ? this : new Measurement(id, value, time, q, unit);
    }
}
