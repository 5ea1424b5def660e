package org.plurigrid.console.client.alarms;

import java.time.Instant;
import org.plurigrid.console.client.telemetry.PointId;

/** One row of the alarm table. Not thread-safe: guarded by the engine's lock. */
final class AlarmRecord {

    /** The edge node an alarm's point belongs to: comms loss of the node suppresses the alarms under it. */
    record NodeRef(String group, String node) {
        static NodeRef of(PointId point) {
            return new NodeRef(point.group(), point.node());
        }

        @Override
        public String toString() {
            return group + "/" + node;
        }
    }

    final AlarmKey key;
    final PointId point;
    final NodeRef node;
    AlarmRule rule;       // replaced when the rule's fields change
    String message;
    AlarmState state = AlarmState.CLEARED;
    double value = Double.NaN;
    String unit = "";
    Instant raisedAt = Instant.EPOCH;
    Instant changedAt = Instant.EPOCH;
    boolean suppressed;
    boolean outOfService;
    String acknowledgedBy = "";
    String lastComment = "";

    AlarmRecord(AlarmKey key, AlarmRule rule, PointId point) {
        this.key = key;
        this.rule = rule;
        this.point = point;
        this.node = NodeRef.of(point);
        this.message = messageOf(rule, point);
    }

    /** Take over a changed rule (same kind): its priority and message apply at once. */
    void useRule(AlarmRule next) {
        rule = next;
        message = messageOf(next, point);
    }

    static String messageOf(AlarmRule rule, PointId point) {
        return rule.kind() == AlarmKind.DEVICE_REPORTED
                ? rule.message() + ": " + point.metric().substring(point.metric().indexOf('/') + 1)
                : rule.message();
    }
}
