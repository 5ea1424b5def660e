package org.plurigrid.console.devnet.fleet;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The fleet's physics clock: a real clock shifted by a fixed offset, so a demo can start at local solar noon and
 * show daylight whatever the hour. Time runs on at the real rate from there.
 */
public final class SimulatedClock implements InstantSource {

    private final InstantSource base;
    private final Duration offset;

    public SimulatedClock(InstantSource base, Duration offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = Objects.requireNonNull(offset, "offset");
    }

    /**
     * A clock that reads {@code timeOfDay} in local solar time at {@code longitude} right now, or the base clock
     * itself when {@code timeOfDay} is null.
     */
    public static SimulatedClock startingAt(InstantSource base, LocalTime timeOfDay, double longitude) {
        if (timeOfDay == null) {
            return new SimulatedClock(base, Duration.ZERO);
        }
        return new SimulatedClock(base, SolarGeometry.offsetToSolarTime(base.instant(), timeOfDay, longitude));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    public Duration offset() {
        return offset;
    }
}
