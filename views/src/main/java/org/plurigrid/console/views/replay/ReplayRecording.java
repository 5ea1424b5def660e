package org.plurigrid.console.views.replay;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A recording opened for replay: where it is, the span it covers, and its timeline markers (at most a bounded number;
 * {@code markersLeftOut} says how many were not drawn).
 */
public record ReplayRecording(String location, Instant from, Instant to, long values, int points,
                              List<TimelineMarker> markers, int markersLeftOut) {

    public ReplayRecording {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        markers = List.copyOf(markers);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a recording cannot end before it starts");
        }
    }
}
