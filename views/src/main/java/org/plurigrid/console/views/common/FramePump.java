package org.plurigrid.console.views.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.TelemetryFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where telemetry crosses onto the FX thread: a single {@link AnimationTimer} drains the feed once per
 * pulse and hands the same {@link ChangeSet} to every listener. The screen cost then follows the frame rate, not
 * the message rate, and no code ever posts one {@code Platform.runLater} per message.
 */
public final class FramePump {

    private static final Logger LOG = LoggerFactory.getLogger(FramePump.class);

    private final TelemetryFeed feed;
    private final List<FrameListener> listeners = new ArrayList<>();
    /** Listeners that already failed once: a broken listener would otherwise log 60 times a second. */
    private final Set<FrameListener> failed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pumpOnce();
        }
    };
    private long frames;
    private boolean running;

    public FramePump(TelemetryFeed feed) {
        this.feed = Objects.requireNonNull(feed, "feed");
    }

    /** Adds a listener; it is called on the FX thread, in the order added. */
    public void addListener(FrameListener listener) {
        requireFxThread();
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(FrameListener listener) {
        requireFxThread();
        listeners.remove(listener);
    }

    public void start() {
        requireFxThread();
        running = true;
        timer.start();
    }

    public void stop() {
        requireFxThread();
        running = false;
        timer.stop();
    }

    public boolean isRunning() {
        return running;
    }

    /** Frames pumped so far (for diagnostics and tests). */
    public long frames() {
        return frames;
    }

    /**
     * Drains the feed once and delivers the change set. The timer calls this each pulse; tests call it directly.
     * A failing listener is logged and skipped so one broken view cannot freeze the others.
     */
    public ChangeSet pumpOnce() {
        requireFxThread();
        ChangeSet changes = feed.drainChanges();
        frames++;
        for (FrameListener listener : List.copyOf(listeners)) {
            try {
                listener.onFrame(changes);
            } catch (RuntimeException e) {
                if (failed.add(listener)) {
                    LOG.error("Frame listener {} failed; further failures are logged at DEBUG", listener, e);
                } else {
                    LOG.debug("Frame listener {} failed again", listener, e);
                }
            }
        }
        return changes;
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("FramePump must be used on the JavaFX application thread");
        }
    }
}
