package org.plurigrid.console.client.recording;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Recorded time: what every time-dependent part (alarm delays, shelving, views' clocks) reads while a recording is
 * replayed. Set by the replay (to a recorded receive time, or a seek target); thread-safe, never goes by itself.
 */
public final class ReplayClock implements InstantSource {

    private volatile Instant now;

    public ReplayClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    public void set(Instant t) {
        now = Objects.requireNonNull(t, "t");
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }
}
