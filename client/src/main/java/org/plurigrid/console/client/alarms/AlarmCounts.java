package org.plurigrid.console.client.alarms;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Visible alarms counted by priority, for the banner: unacknowledged (including returned-to-normal unacknowledged)
 * and total.
 */
public record AlarmCounts(Map<AlarmPriority, Integer> unacknowledged, Map<AlarmPriority, Integer> total) {

    public static final AlarmCounts NONE = new AlarmCounts(Map.of(), Map.of());

    public AlarmCounts {
        unacknowledged = complete(unacknowledged);
        total = complete(total);
    }

    private static Map<AlarmPriority, Integer> complete(Map<AlarmPriority, Integer> in) {
        EnumMap<AlarmPriority, Integer> m = new EnumMap<>(AlarmPriority.class);
        for (AlarmPriority p : AlarmPriority.values()) {
            m.put(p, in.getOrDefault(p, 0));
        }
        return Map.copyOf(m);
    }

    public int unacknowledged(AlarmPriority p) {
        return unacknowledged.get(p);
    }

    public int total(AlarmPriority p) {
        return total.get(p);
    }

    public int totalUnacknowledged() {
        return unacknowledged.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int totalVisible() {
        return total.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The most urgent priority with an unacknowledged alarm, if any: what the horn sounds for. */
    public Optional<AlarmPriority> highestUnacknowledged() {
        for (AlarmPriority p : AlarmPriority.values()) {
            if (unacknowledged(p) > 0) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
