package org.plurigrid.console.client.telemetry;

import java.util.List;

/**
 * The seam between telemetry sources and the screen. Live mode is backed by the MQTT pipeline, replay mode by a
 * recording. The UI calls {@link #drainChanges()} once per frame; implementations must never block.
 */
public interface TelemetryFeed {

    /** The newest value of every point changed since the previous call (coalesced), plus current counters. */
    ChangeSet drainChanges();

    /** Current state of each broker connection behind this feed. */
    List<ConnectionStatus> connections();
}
