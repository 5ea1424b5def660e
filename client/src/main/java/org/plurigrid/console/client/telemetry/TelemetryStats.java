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

    /**
     * Rejected messages that were wrong in themselves (not protobuf, bad topic, seq gap, unknown alias, …). Data that
     * arrives before its birth is left out: it is the normal state of a host that joins a running fleet, answered by
     * a rebirth request, and is counted separately under {@link DecodeErrors#NO_BIRTH}.
     */
    public long malformedMessages() {
        return decodeErrors.entrySet().stream()
                .filter(e -> !e.getKey().equals(DecodeErrors.NO_BIRTH))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Data messages that arrived before their birth certificate (each answered by a rate-limited rebirth request). */
    public long awaitingBirth() {
        return decodeErrors.getOrDefault(DecodeErrors.NO_BIRTH, 0L);
    }
}
