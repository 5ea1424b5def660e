package org.plurigrid.console.app.telemetry;

import java.util.Optional;

import org.plurigrid.console.client.telemetry.SupergridSummary;
import org.plurigrid.console.client.telemetry.TelemetryFeed;

/** What start-up produced: the live feed, and how to stop everything behind it (telemetry first, then devnet). */
public interface TelemetryBackend extends AutoCloseable {

    public TelemetryFeed feed();

    /** Supergrid totals for the Overview; cheap enough to call twice a second on the FX thread. */
    public SupergridSummary summary();

    /** Every live point's current state, to refill the views when a replay ends. */
    public default java.util.List<org.plurigrid.console.client.telemetry.Measurement> snapshot() {
        return java.util.List.of();
    }

    /** The in-process devnet this console started (for tests that inject faults), empty with external brokers. */
    public default Optional<org.plurigrid.console.devnet.Devnet> devnet() {
        return Optional.empty();
    }

    /** Stops telemetry and, if this console started one, the devnet. Blocking; never call it on the FX thread. */
    @Override
    public void close();
}
