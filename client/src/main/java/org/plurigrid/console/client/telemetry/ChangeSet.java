package org.plurigrid.console.client.telemetry;

import java.util.List;
import java.util.Objects;

/**
 * Everything the screen needs to catch up since the previous frame: the newest measurement of each point that
 * changed (coalesced, at most one per point) and the pipeline counters at the moment of the drain.
 */
public record ChangeSet(List<Measurement> changed, TelemetryStats stats) {

    public ChangeSet {
        changed = List.copyOf(changed);
        Objects.requireNonNull(stats, "stats");
    }

    public boolean isEmpty() {
        return changed.isEmpty();
    }
}
