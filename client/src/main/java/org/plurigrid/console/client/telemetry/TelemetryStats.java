package org.plurigrid.console.client.telemetry;

import java.util.Map;

/**
 * Counters of the telemetry pipeline, cumulative since start.
 *
 * @param messages        MQTT messages received
 * @param points          distinct points known to the point store
 * @param decodeErrors    rejected messages by reason (e.g. {@code not-protobuf}, {@code seq-gap}, {@code unknown-alias})
 * @param messagesPerSecond rate over the last second or so
 * @param liveNodes       edge nodes currently born and not dead
 * @param stalePoints     points whose quality is not GOOD
 */
public record TelemetryStats(long messages, int points, Map<String, Long> decodeErrors, double messagesPerSecond,
                             int liveNodes, int stalePoints) {

    public static final TelemetryStats EMPTY = new TelemetryStats(0, 0, Map.of(), 0, 0, 0);

    public TelemetryStats {
        decodeErrors = Map.copyOf(decodeErrors);
    }

    public long totalDecodeErrors() {
        return decodeErrors.values().stream().mapToLong(Long::longValue).sum();
    }
}
