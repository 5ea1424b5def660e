package org.plurigrid.console.client.recording;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a store found when it opened: nothing (a new file), or what an earlier run (possibly killed) left, so the
 * recorder carries on after it and can say what it recovered.
 *
 * @param location   file or database the store opened
 * @param rows       entries found (values, alarms, events, rule sets)
 * @param from       receive time of the first entry, empty when none
 * @param to         receive time of the last entry, empty when none
 * @param lastSequence the highest sequence number found, 0 when none
 * @param points     the point numbers already used there
 * @param lastValues the newest value of every point found (seeds the next snapshot)
 */
public record Recovery(String location, long rows, Optional<Instant> from, Optional<Instant> to, long lastSequence,
                       List<RecordingBatch.PointDefinition> points, List<RecordingBatch.NumberedValue> lastValues) {

    public Recovery {
        points = List.copyOf(points);
        lastValues = List.copyOf(lastValues);
    }

    public static Recovery empty(String location) {
        return new Recovery(location, 0, Optional.empty(), Optional.empty(), 0, List.of(), List.of());
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    /** One line for the log and the status bar. */
    public String describe() {
        return isEmpty() ? "new recording " + location
                : "recovered " + rows + " rows from " + location + " (" + from.map(Instant::toString).orElse("?")
                + " to " + to.map(Instant::toString).orElse("?") + ")";
    }
}
