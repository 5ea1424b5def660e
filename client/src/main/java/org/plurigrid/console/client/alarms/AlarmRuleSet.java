package org.plurigrid.console.client.alarms;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules the engine runs, and where they came from (a file path or resource name, shown in errors and the UI).
 */
public record AlarmRuleSet(String origin, List<AlarmRule> rules) {

    public AlarmRuleSet {
        Objects.requireNonNull(origin, "origin");
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (AlarmRule r : rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException(origin + ": rule id '" + r.id() + "' is used twice");
            }
        }
    }

    public static AlarmRuleSet of(AlarmRule... rules) {
        return new AlarmRuleSet("code", List.of(rules));
    }
}
