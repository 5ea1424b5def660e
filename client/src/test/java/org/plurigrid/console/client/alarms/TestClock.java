package org.plurigrid.console.client.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand. */
final class TestClock implements InstantSource {
    private volatile Instant now = Instant.parse("2026-03-02T08:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    void advanceSeconds(long s) {
        advance(Duration.ofSeconds(s));
    }
}
