package org.plurigrid.console.client.alarms;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.plurigrid.console.client.telemetry.PointId;

/**
 * An immutable snapshot of one alarm as the screen shows it.
 *
 * @param key          identity (rule + source)
 * @param kind         condition kind (its label goes in the condition column)
 * @param priority     how urgent
 * @param message      the rule's message
 * @param point        the point that raised it (for comms loss: the first point of the node or device seen)
 * @param state        ISA-18.2 state
 * @param value        the value when the alarm was (last) raised
 * @param unit         engineering unit of that value
 * @param limit        the rule's limit, NaN when the kind has none
 * @param raisedAt     when the alarm was (last) raised
 * @param changedAt    time of the latest transition
 * @param chattering   raised too often recently (see the engine settings)
 * @param shelving     present while shelved
 * @param suppressed   suppressed by design (its edge node is dead)
 * @param outOfService removed from service by an operator
 * @param acknowledgedBy who acknowledged, empty if nobody yet
 * @param lastComment  the newest operator comment, empty if none
 */
public record Alarm(AlarmKey key, AlarmKind kind, AlarmPriority priority, String message, PointId point,
                    AlarmState state, double value, String unit, double limit, Instant raisedAt, Instant changedAt,
                    boolean chattering, Optional<Shelving> shelving, boolean suppressed, boolean outOfService,
                    String acknowledgedBy, String lastComment) {

    /** Most urgent priority first, then newest first; the key breaks ties so the order is total. */
    public static final Comparator<Alarm> MOST_URGENT_FIRST = Comparator.comparing(Alarm::priority)
            .thenComparing(Alarm::raisedAt, Comparator.reverseOrder())
            .thenComparing(Alarm::key);

    public Alarm {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(shelving, "shelving");
        unit = unit == null ? "" : unit;
        acknowledgedBy = acknowledgedBy == null ? "" : acknowledgedBy;
        lastComment = lastComment == null ? "" : lastComment;
    }

    /** Shown to the operator: not shelved, not suppressed, not out of service, not cleared. */
    public boolean isVisible() {
        return state != AlarmState.CLEARED && shelving.isEmpty() && !suppressed && !outOfService;
    }

    public boolean isShelved() {
        return shelving.isPresent();
    }

    public boolean isUnacknowledged() {
        return state.isUnacknowledged();
    }

    /** The asset the alarm is about, as {@code group/node} or {@code group/node/device}: what the map centres on. */
    public String asset() {
        return point.device().isEmpty() ? point.group() + "/" + point.node()
                : point.group() + "/" + point.node() + "/" + point.device();
    }
}
