package org.plurigrid.console.client.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/**
 * The condition of one alarm key: judges each measurement against the rule (limits with deadband, rate of change,
 * quality, device-reported flags) and applies the rule's on/off delay, so the engine sees only debounced changes.
 *
 * <p>Not thread-safe: guarded by its own monitor (several points may feed it: all metrics of a node feed its
 * comms-loss condition). Time is passed in; the rate of change uses the measurements' own times.
 */
final class AlarmCondition {

    /** Rates are measured over at least this long (see {@link #rateCondition}). */
    static final double RATE_WINDOW_SECONDS = 1.0;

    final AlarmKey key;
    final PointId point;
    /** Replaced by the engine's rule swap while no measurement is evaluated. */
    AlarmRule rule;
    /** Whether the condition waits in the engine's pending set for its delay to run out. */
    boolean queued;

    private boolean raw;
    private boolean active;
    private Instant rawSince = Instant.EPOCH;
    private double value = Double.NaN;
    private String unit = "";
    private double previousValue = Double.NaN;
    private Instant previousTime;

    AlarmCondition(AlarmKey key, AlarmRule rule, PointId point) {
        this.key = Objects.requireNonNull(key, "key");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.point = Objects.requireNonNull(point, "point");
    }

    /** Recompute the raw (undelayed) condition from one measurement; the time it last flipped is kept. */
    void update(Measurement m, Instant now) {
        boolean next = switch (rule.kind()) {
            case HH, H -> m.quality() == Quality.GOOD
                    ? (raw ? m.value() > rule.limit() - rule.deadband() : m.value() > rule.limit())
                    : raw; // a doubtful value neither raises nor clears a limit alarm
            case L, LL -> m.quality() == Quality.GOOD
                    ? (raw ? m.value() < rule.limit() + rule.deadband() : m.value() < rule.limit())
                    : raw;
            case RATE_OF_CHANGE -> rateCondition(m);
            case BAD_QUALITY -> m.quality() == Quality.BAD;
            case STALE -> m.quality() == Quality.STALE;
            case COMMS_LOSS -> m.quality() == Quality.COMMS_LOST;
            case DEVICE_REPORTED -> m.quality() == Quality.GOOD ? m.value() != 0 : raw;
        };
        if (next) {
            // Keep the newest value while the condition holds: it is what the alarm shows when raised.
            value = m.value();
            unit = m.unit();
        }
        if (next != raw) {
            raw = next;
            rawSince = now;
        }
    }

    /**
     * Apply the on (off) delay: the debounced condition follows the raw one once the raw one has held for the delay.
     *
     * @return true when the debounced condition changed now (then {@link #active()} tells which way)
     */
    boolean settle(Instant now) {
        if (raw == active) {
            return false;
        }
        Duration delay = raw ? rule.onDelay() : rule.offDelay();
        if (now.isBefore(rawSince.plus(delay))) {
            return false;
        }
        active = raw;
        return true;
    }

    /** True when the debounced condition agrees with the raw one: no delay is running. */
    boolean isSettled() {
        return raw == active;
    }

    /** The debounced condition. */
    boolean active() {
        return active;
    }

    /** The raw condition, before the delay. */
    boolean raw() {
        return raw;
    }

    /** The newest value seen while the raw condition held (NaN before). */
    double value() {
        return value;
    }

    String unit() {
        return unit;
    }

    private boolean rateCondition(Measurement m) {
        if (m.quality() != Quality.GOOD) {
            previousTime = null;
            return raw;
        }
        boolean next = raw;
        if (previousTime == null) {
            previousValue = m.value();
            previousTime = m.time();
            return next;
        }
        double seconds = Duration.between(previousTime, m.time()).toNanos() / 1e9;
        // The rate is measured over at least RATE_WINDOW: two samples a few milliseconds apart (a birth and the
        // next data message, a rebirth) would turn ordinary noise into a huge "rate".
        if (seconds >= RATE_WINDOW_SECONDS) {
            double rate = Math.abs(m.value() - previousValue) / seconds;
            next = raw ? rate > rule.limit() - rule.deadband() : rate > rule.limit();
            previousValue = m.value();
            previousTime = m.time();
        } else if (seconds < 0) {
            previousValue = m.value();      // out-of-order or restarted source: start measuring again
            previousTime = m.time();
        }
        return next;
    }
}
