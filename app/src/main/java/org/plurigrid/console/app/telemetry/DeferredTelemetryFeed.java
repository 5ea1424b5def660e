package org.plurigrid.console.app.telemetry;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.TelemetryFeed;
import org.plurigrid.console.client.telemetry.TelemetryStats;

/**
 * The feed the window starts with while the devnet and brokers come up off the FX thread: it says "connecting"
 * (with what it is doing) until the real feed is attached, and "failed" with the reason if start-up fails.
 * Thread-safe: the start-up thread attaches, the FX thread drains.
 */
public final class DeferredTelemetryFeed implements TelemetryFeed {

    private static final ChangeSet NOTHING = new ChangeSet(List.of(), TelemetryStats.EMPTY);

    private sealed interface State permits Starting, Attached, Failed {
    }

    private record Starting(ConnectionStatus status) implements State {
    }

    private record Attached(TelemetryFeed feed) implements State {
    }

    private record Failed(ConnectionStatus status) implements State {
    }

    private final AtomicReference<State> state;

    public DeferredTelemetryFeed(String name, String endpoint) {
        state = new AtomicReference<>(new Starting(
                new ConnectionStatus(name, endpoint, ConnectionState.CONNECTING, 0, "starting")));
    }

    /** Says what start-up is doing now, e.g. "starting devnet"; ignored once attached or failed. */
    public void progress(String name, String endpoint, String detail) {
        state.updateAndGet(s -> s instanceof Starting
                ? new Starting(new ConnectionStatus(name, endpoint, ConnectionState.CONNECTING, 0, detail)) : s);
    }

    /** From now on, everything comes from the real feed. */
    public void attach(TelemetryFeed feed) {
        state.set(new Attached(Objects.requireNonNull(feed, "feed")));
    }

    /** Start-up failed: the status bar shows the reason, written for the operator. */
    public void fail(String name, String endpoint, String reason) {
        state.set(new Failed(new ConnectionStatus(name, endpoint, ConnectionState.FAILED, 0, reason)));
    }

    public boolean isAttached() {
        return state.get() instanceof Attached;
    }

    @Override
    public ChangeSet drainChanges() {
        return state.get() instanceof Attached a ? a.feed().drainChanges() : NOTHING;
    }

    @Override
    public List<ConnectionStatus> connections() {
        return switch (state.get()) {
            case Starting s -> List.of(s.status());
            case Attached a -> a.feed().connections();
            case Failed f -> List.of(f.status());
        };
    }
}
