package org.plurigrid.console.client.telemetry;

/**
 * What one broker's traffic may cost the console, so that a hostile or broken publisher cannot exhaust its memory or
 * its decoding thread. Whatever exceeds a limit is rejected and counted in {@link DecodeErrors} under its reason.
 *
 * @param maxPayloadBytes     larger messages are dropped unparsed ({@link DecodeErrors#PAYLOAD_TOO_LARGE})
 * @param maxMetricsPerBirth  an NBIRTH/DBIRTH announcing more metrics is refused ({@link DecodeErrors#BIRTH_TOO_LARGE})
 * @param maxPointsPerNode    points of one edge node and its devices together ({@link DecodeErrors#POINT_LIMIT})
 * @param maxNodes            edge nodes followed per broker connection ({@link DecodeErrors#NODE_LIMIT})
 * @param maxPoints           points in the whole store ({@link DecodeErrors#POINT_LIMIT})
 * @param queueMessages       messages waiting for the decoding thread per connection ({@link DecodeErrors#QUEUE_OVERFLOW})
 * @param queueBytes          payload bytes waiting for the decoding thread per connection (same reason)
 */
public record TelemetryLimits(int maxPayloadBytes, int maxMetricsPerBirth, int maxPointsPerNode, int maxNodes,
                              int maxPoints, int queueMessages, long queueBytes) {

    /** Ample for the devnet and real substations (hundreds of metrics per birth), small enough to keep RSS flat. */
    public static final TelemetryLimits DEFAULTS =
            new TelemetryLimits(1 << 20, 10_000, 50_000, 10_000, 250_000, 65_536, 64L << 20);

    public TelemetryLimits {
        positive("maxPayloadBytes", maxPayloadBytes);
        positive("maxMetricsPerBirth", maxMetricsPerBirth);
        positive("maxPointsPerNode", maxPointsPerNode);
        positive("maxNodes", maxNodes);
        positive("maxPoints", maxPoints);
        positive("queueMessages", queueMessages);
        positive("queueBytes", queueBytes);
    }

    public TelemetryLimits withMaxPoints(int n) {
        return new TelemetryLimits(maxPayloadBytes, maxMetricsPerBirth, maxPointsPerNode, maxNodes, n, queueMessages,
                queueBytes);
    }

    public TelemetryLimits withMaxNodes(int n) {
        return new TelemetryLimits(maxPayloadBytes, maxMetricsPerBirth, maxPointsPerNode, n, maxPoints, queueMessages,
                queueBytes);
    }

    private static void positive(String what, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
