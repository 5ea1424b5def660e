package org.plurigrid.console.client.telemetry;

import java.util.List;
import java.util.Objects;

/**
 * Everything the screen needs to catch up since the previous frame: the newest measurement of each point that
 * changed (coalesced, at most one per point) and the pipeline counters at the moment of the drain.
 *
 * @param replacesAll {@code changed} is the whole state, not a change to it: a point it does not hold has no value
 *                    now and leaves the screen. A replay seek hands the recorded state at the instant this way, and
 *                    going back to live the live state, so nothing of the other mode or another instant lingers
 */
public record ChangeSet(List<Measurement> changed, TelemetryStats stats, boolean replacesAll) {

    public ChangeSet {
        changed = List.copyOf(changed);
        Objects.requireNonNull(stats, "stats");
    }

    /** Changes to the state on screen (the usual frame). */
    public ChangeSet(List<Measurement> changed, TelemetryStats stats) {
        this(changed, stats, false);
    }

    /** Nothing to apply: no point changed and the state was not replaced. */
    public boolean isEmpty() {
        return changed.isEmpty() && !replacesAll;
    }
}
