package org.plurigrid.console.client.alarms;

import java.util.Objects;

/**
 * Identity of one alarm: the rule and the thing it is about. The source is the point path for most kinds and the
 * edge node (or device) path for comms loss, so all metrics of a dead node make one alarm, not one per metric.
 */
public record AlarmKey(String ruleId, String source) implements Comparable<AlarmKey> {

    public AlarmKey {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public int compareTo(AlarmKey o) {
        int c = source.compareTo(o.source);
        return c != 0 ? c : ruleId.compareTo(o.ruleId);
    }

    @Override
    public String toString() {
        return source + " [" + ruleId + "]";
    }
}
