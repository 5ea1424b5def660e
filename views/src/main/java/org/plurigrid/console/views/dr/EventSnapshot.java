package org.plurigrid.console.views.dr;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.plurigrid.console.client.dr.DeviceState;

/**
 * A followed event at one moment: its chain record, requested and delivered (meter-before baseline − measured) kW, and
 * every commanded device's state.
 */
public record EventSnapshot(String eventId, String target, long height, String txHash, Instant start, Instant end,
                            double requestedKw, double deliveredKw, Map<DeviceState, Integer> counts, List<DeviceRow> devices,
                            Instant at) {

    /** One device: its id, state, baseline and measured import, kW. */
    public record DeviceRow(String device, String site, DeviceState state, double baselineKw, double measuredKw) {
    }

    public EventSnapshot {
        counts = Map.copyOf(counts);
        devices = List.copyOf(devices);
    }

    public int count(DeviceState s) {
        return counts.getOrDefault(s, 0);
    }
}
