package org.plurigrid.console.views.alarms;

import java.util.Arrays;

/**
 * The fields of the alarm rule editor: the label the operator sees and the name the rules file (and the checker's
 * messages) use for it.
 */
public enum RuleField {
    ID("Id", "id"),
    KIND("Kind", "kind"),
    METRIC("Metric", "match.metric"),
    PATH("Path", "match.path"),
    DEVICE_TYPE("Device type", "match.deviceType"),
    LEVEL("Level", "match.level"),
    LIMIT("Limit", "limit"),
    DEADBAND("Deadband", "deadband"),
    ON_DELAY("On delay", "onDelay"),
    OFF_DELAY("Off delay", "offDelay"),
    PRIORITY("Priority", "priority"),
    MESSAGE("Message", "message"),
    DESCRIPTION("Description", "description");

    private final String label;
    private final String key;

    RuleField(String label, String key) {
        this.label = label;
        this.key = key;
    }

    public String label() {
        return label;
    }

    /** The field's name in the rules file, e.g. {@code match.metric}. */
    public String key() {
        return key;
    }

    /**
     * The editor field a checker problem belongs to. Problems about the match as a whole go to the metric field (the
     * one nearly every rule uses); problems about the rule as a whole to its id.
     */
    static RuleField forKey(String key) {
        if (key.equals("match")) {
            return METRIC;
        }
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst().orElse(ID);
    }
}
