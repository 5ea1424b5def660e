package org.plurigrid.console.views.replay;

import java.time.Instant;
import java.util.Objects;

/**
 * Something worth finding on the replay timeline: an alarm raised (with its priority number, 1 most urgent), an
 * operator action, or a chain transaction.
 */
public record TimelineMarker(Instant time, Kind kind, int priority, String label) {

    /** The timeline's lanes, top to bottom. */
    public enum Kind { ALARM, ACTION, CHAIN }

    public TimelineMarker {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        label = label == null ? "" : label;
    }
}
