package org.plurigrid.console.client.recording;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.plurigrid.console.client.telemetry.PointId;

/**
 * What one store transaction writes: points seen for the first time (in this file), values with their point
 * numbers, alarm transitions, events, rule sets and, every snapshot period, the state of every point.
 */
public record RecordingBatch(List<PointDefinition> newPoints, List<NumberedValue> values, List<RecordedAlarm> alarms,
                             List<RecordedEvent> events, List<RecordedRules> rules, Optional<Snapshot> snapshot) {

    public RecordingBatch {
        newPoints = List.copyOf(newPoints);
        values = List.copyOf(values);
        alarms = List.copyOf(alarms);
        events = List.copyOf(events);
        rules = List.copyOf(rules);
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /** Entries in this batch (values, alarms, events, rule sets; not point definitions or the snapshot). */
    public int entryCount() {
        return values.size() + alarms.size() + events.size() + rules.size();
    }

    /** A point and the small number that stands for it in the value tables. */
    public record PointDefinition(int number, PointId id, String unit) {
        public PointDefinition {
            Objects.requireNonNull(id, "id");
            unit = unit == null ? "" : unit;
        }
    }

    /** A value with the number of its point. */
    public record NumberedValue(int point, RecordedValue value) {
        public NumberedValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The state of every point after every entry up to {@code sequence} (received at {@code millis}); seek reads the
     * newest snapshot before T and applies the values after it.
     */
    public record Snapshot(long sequence, long millis, List<NumberedValue> values) {
        public Snapshot {
            values = List.copyOf(values);
        }
    }
}
