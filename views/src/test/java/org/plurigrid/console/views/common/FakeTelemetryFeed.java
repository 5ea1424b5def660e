package org.plurigrid.console.views.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.TelemetryFeed;
import org.plurigrid.console.client.telemetry.TelemetryStats;

/** A telemetry feed the test fills by hand; coalesces per point like the real one. */
public final class FakeTelemetryFeed implements TelemetryFeed {

    private final Map<PointId, Measurement> pending = new LinkedHashMap<>();
    private TelemetryStats stats = TelemetryStats.EMPTY;
    private List<ConnectionStatus> connections = List.of();
    private int drains;

    public FakeTelemetryFeed push(Measurement... ms) {
        for (Measurement m : ms) {
            pending.put(m.id(), m);
        }
        return this;
    }

    public FakeTelemetryFeed stats(TelemetryStats s) {
        this.stats = s;
        return this;
    }

    public FakeTelemetryFeed connections(ConnectionStatus... cs) {
        this.connections = List.of(cs);
        return this;
    }

    public int drains() {
        return drains;
    }

    @Override
    public ChangeSet drainChanges() {
        drains++;
        ChangeSet cs = new ChangeSet(new ArrayList<>(pending.values()), stats);
        pending.clear();
        return cs;
    }

    @Override
    public List<ConnectionStatus> connections() {
        return connections;
    }
}
