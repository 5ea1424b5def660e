package org.plurigrid.console.client.alarms;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured alarm: which points, what condition, how urgent, and what the operator reads.
 *
 * @param id       unique, stable name of the rule (journals and shelving refer to it)
 * @param match    which points the rule watches
 * @param kind     the condition
 * @param limit    threshold for limit kinds (in the point's unit) or unit per second for rate of change; NaN otherwise
 * @param deadband how far back past the limit the value must go before the condition clears (limit kinds only)
 * @param onDelay  how long the condition must hold before the alarm is raised
 * @param offDelay how long the condition must be gone before the alarm returns to normal
 * @param priority how urgent
 * @param message  what the operator reads, e.g. "Busbar voltage high"
 * @param description free text for alarm engineers (why the rule exists); empty if none. The engine ignores it; it is
 *                    kept so the console can write the rules file back without losing it.
 */
public record AlarmRule(String id, PointPattern match, AlarmKind kind, double limit, double deadband,
                        Duration onDelay, Duration offDelay, AlarmPriority priority, String message,
                        String description) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public AlarmRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(message, "message");
        description = description == null ? "" : description.strip();
        onDelay = onDelay == null ? Duration.ZERO : onDelay;
        offDelay = offDelay == null ? Duration.ZERO : offDelay;
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be letters, digits, '.', '_' or '-', was '" + id + "'");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("rule " + id + ": message must not be blank");
        }
        if (kind.needsLimit() && !Double.isFinite(limit)) {
            throw new IllegalArgumentException("rule " + id + ": a " + kind + " rule needs a finite limit");
        }
        if (kind == AlarmKind.RATE_OF_CHANGE && limit <= 0) {
            throw new IllegalArgumentException("rule " + id + ": a rate-of-change limit must be positive");
        }
        if (!kind.needsLimit()) {
            limit = Double.NaN;
            deadband = 0;
        }
        if (!(deadband >= 0) || !Double.isFinite(deadband)) {
            throw new IllegalArgumentException("rule " + id + ": deadband must be zero or positive");
        }
        if (onDelay.isNegative() || offDelay.isNegative()) {
            throw new IllegalArgumentException("rule " + id + ": delays must not be negative");
        }
    }

    /** A rule without a description. */
    public AlarmRule(String id, PointPattern match, AlarmKind kind, double limit, double deadband, Duration onDelay,
                     Duration offDelay, AlarmPriority priority, String message) {
        this(id, match, kind, limit, deadband, onDelay, offDelay, priority, message, "");
    }

    /** A limit rule without delays or deadband; handy in code and tests. */
    public static AlarmRule limit(String id, PointPattern match, AlarmKind kind, double limit, AlarmPriority priority,
                                  String message) {
        return new AlarmRule(id, match, kind, limit, 0, Duration.ZERO, Duration.ZERO, priority, message);
    }

    /** A condition rule (quality, comms loss, device-reported) without delays. */
    public static AlarmRule condition(String id, PointPattern match, AlarmKind kind, AlarmPriority priority,
                                      String message) {
        return new AlarmRule(id, match, kind, Double.NaN, 0, Duration.ZERO, Duration.ZERO, priority, message);
    }

    public AlarmRule withDeadband(double newDeadband) {
        return new AlarmRule(id, match, kind, limit, newDeadband, onDelay, offDelay, priority, message, description);
    }

    public AlarmRule withDelays(Duration on, Duration off) {
        return new AlarmRule(id, match, kind, limit, deadband, on, off, priority, message, description);
    }

    public AlarmRule withLimit(double newLimit) {
        return new AlarmRule(id, match, kind, newLimit, deadband, onDelay, offDelay, priority, message, description);
    }

    public AlarmRule withPriority(AlarmPriority newPriority) {
        return new AlarmRule(id, match, kind, limit, deadband, onDelay, offDelay, newPriority, message, description);
    }
}
