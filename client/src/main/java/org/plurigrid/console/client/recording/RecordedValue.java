package org.plurigrid.console.client.recording;

import java.util.Objects;

import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/** A telemetry value or quality change as the point store emitted it (before coalescing). */
public record RecordedValue(long sequence, long receivedMillis, long sourceMillis, PointId id, double value,
                            Quality quality, String unit) implements RecordingEntry {

    public RecordedValue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quality, "quality");
        unit = unit == null ? "" : unit;
    }
}
