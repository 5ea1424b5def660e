package org.plurigrid.console.app.recording;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.views.common.FrameListener;
import org.plurigrid.console.views.shell.StatusBarViewModel;

/**
 * Once a second on the FX thread: the recorder's status into the status bar, and connection changes into the
 * recording. Both calls only read counters and hand entries to the recorder's buffer; neither waits for the disk.
 */
public final class RecordingStatusPoll implements FrameListener {

    public static final Duration PERIOD = Duration.ofSeconds(1);

    private final ConsoleRecording recording;
    private final StatusBarViewModel status;
    private final Supplier<List<ConnectionStatus>> connections;
    private final InstantSource clock;
    private long next = Long.MIN_VALUE;

    public RecordingStatusPoll(ConsoleRecording recording, StatusBarViewModel status,
                        Supplier<List<ConnectionStatus>> connections, InstantSource clock) {
        this.recording = Objects.requireNonNull(recording, "recording");
        this.status = Objects.requireNonNull(status, "status");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onFrame(ChangeSet changes) {
        long now = clock.millis();
        if (now < next) {
            return;
        }
        next = now + PERIOD.toMillis();
        status.showRecording(recording.status());
        recording.connectionsSeen(connections.get());
    }
}
