package org.plurigrid.console.app.recording;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.SupergridSummary;
import org.plurigrid.console.client.telemetry.TelemetryFeed;

/**
 * The feed the frame pump drains: live telemetry, or a recording while replaying. Replay seeks hand every point's
 * recorded state to the views; going back to live hands them every live point's current state once, so nothing
 * recorded lingers on screen. The Overview's totals follow the same switch. Switched from any thread.
 */
public final class ModeTelemetryFeed implements TelemetryFeed {

    /** A recording being replayed: its feed and its totals. */
    public record Replay(TelemetryFeed feed, Supplier<SupergridSummary> summary) {
    }

    private final TelemetryFeed live;
    private final Supplier<List<Measurement>> liveState;
    private final Supplier<SupergridSummary> liveSummary;
    private final AtomicReference<Replay> replay = new AtomicReference<>();
    private final AtomicBoolean backToLive = new AtomicBoolean();

    public ModeTelemetryFeed(TelemetryFeed live, Supplier<List<Measurement>> liveState,
                      Supplier<SupergridSummary> liveSummary) {
        this.live = Objects.requireNonNull(live, "live");
        this.liveState = Objects.requireNonNull(liveState, "liveState");
        this.liveSummary = Objects.requireNonNull(liveSummary, "liveSummary");
    }

    public void replay(Replay r) {
        replay.set(Objects.requireNonNull(r, "r"));
    }

    public void live() {
        if (replay.getAndSet(null) != null) {
            backToLive.set(true);
        }
    }

    public boolean isReplaying() {
        return replay.get() != null;
    }

    @Override
    public ChangeSet drainChanges() {
        Replay r = replay.get();
        if (r != null) {
            return r.feed().drainChanges();
        }
        ChangeSet changes = live.drainChanges();
        if (!backToLive.getAndSet(false)) {
            return changes;
        }
        Map<PointId, Measurement> all = new LinkedHashMap<>();
        for (Measurement m : liveState.get()) {
            all.put(m.id(), m);
        }
        for (Measurement m : changes.changed()) {
            all.put(m.id(), m);
        }
        return new ChangeSet(List.copyOf(all.values()), changes.stats(), true);
    }

    /** Live connections always: the status bar keeps showing the real brokers while a recording plays. */
    @Override
    public List<ConnectionStatus> connections() {
        return live.connections();
    }

    /** The Overview's totals: live, or from the recording's values at the play head. */
    public SupergridSummary summary() {
        Replay r = replay.get();
        return r == null ? liveSummary.get() : r.summary().get();
    }
}
