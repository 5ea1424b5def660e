package org.plurigrid.console.client.dr;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator asks of a program's target: a payload value for a duration, starting at {@code start} (or
 * {@link IntervalPeriod#NOW}), optionally with a randomised start, a priority and a ramp time for the devices.
 */
public record DispatchRequest(String target, PayloadType payloadType, double value, String units, Instant start,
                              Duration duration, Optional<Duration> randomizeStart, Optional<Integer> priority,
                              Duration ramp) {

    public DispatchRequest {
        DrEvent.requireTarget(target);
        Objects.requireNonNull(payloadType, "payloadType");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("The value must be a number, was " + value);
        }
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("The duration must be positive, was " + duration);
        }
        Objects.requireNonNull(randomizeStart, "randomizeStart");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(ramp, "ramp");
        if (ramp.isNegative()) {
            throw new IllegalArgumentException("The ramp time cannot be negative");
        }
    }

    /** The start, with "now" resolved against {@code now}. */
    public Instant startAt(Instant now) {
        return start.equals(IntervalPeriod.NOW) || start.isBefore(now) ? now : start;
    }

    /** The value in kW when the units are power (KW, W, MW); empty otherwise. */
    public Optional<Double> valueKw() {
        return switch (units.toUpperCase(java.util.Locale.ROOT)) {
            case "KW" -> Optional.of(value);
            case "W" -> Optional.of(value / 1000);
            case "MW" -> Optional.of(value * 1000);
            default -> Optional.empty();
        };
    }
}
