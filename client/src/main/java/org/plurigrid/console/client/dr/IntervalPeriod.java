package org.plurigrid.console.client.dr;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code intervalPeriod}: when an interval (or a set of them) starts, how long it lasts, and by how much a
 * device may randomly delay its start. The start {@link #NOW} ("0001-01-01") means "now" and, with a zero duration,
 * marks a cancelled event (User Guide 7.9).
 */
public record IntervalPeriod(Instant start, Duration duration, Optional<Duration> randomizeStart) {

    /** The User Guide's "0001-01-01": now, or with PT0S a window of no duration in the past (cancelled). */
    public static final Instant NOW = Instant.parse("0001-01-01T00:00:00Z");

    public IntervalPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(randomizeStart, "randomizeStart");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Interval duration cannot be negative: " + duration);
        }
        if (randomizeStart.isPresent() && randomizeStart.get().isNegative()) {
            throw new IllegalArgumentException("randomizeStart cannot be negative: " + randomizeStart.get());
        }
    }

    public IntervalPeriod(Instant start, Duration duration) {
        this(start, duration, Optional.empty());
    }

    /** The cancelled window of User Guide 7.9: start 0001-01-01, duration PT0S. */
    public static IntervalPeriod cancelled() {
        return new IntervalPeriod(NOW, Duration.ZERO);
    }

    public boolean isCancelled() {
        return start.equals(NOW) && duration.isZero();
    }

    public Instant end() {
        return start.plus(duration);
    }
}
