package org.plurigrid.console.client.alarms;

import java.util.List;
import java.util.Objects;

/**
 * What changed since the previous drain, coalesced: at most one snapshot per alarm (its newest), the keys of alarms
 * that were cleared and left the table, and the summary at the moment of the drain. {@code updated} includes hidden
 * (shelved, suppressed, out-of-service) alarms so a view can show them on request; filter with
 * {@link Alarm#isVisible()}.
 */
public record AlarmChanges(List<Alarm> updated, List<AlarmKey> removed, AlarmCounts counts, boolean inFlood,
                           long version) {

    public AlarmChanges {
        updated = List.copyOf(updated);
        removed = List.copyOf(removed);
        Objects.requireNonNull(counts, "counts");
    }

    public boolean isEmpty() {
        return updated.isEmpty() && removed.isEmpty();
    }
}
