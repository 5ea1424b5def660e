package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When the console may ask an edge node to publish its births again (NCMD {@code Node Control/Rebirth}): a command
 * costs the node a full birth, so a publisher that can write {@code spBv1.0/...} must not be able to make the console
 * send commands at will (command amplification).
 *
 * @param mode          {@link Mode#PASSIVE}: never; {@link Mode#KNOWN}: only nodes this connection has seen a birth
 *                      from, or whose {@code group/node} matches {@link #allowList}; {@link Mode#ANY}: any node
 *                      (e.g. {@code telemetry stats --rebirth} joining a running fleet)
 * @param allowList     MQTT-style patterns over {@code group/node} (e.g. {@code cg-utrecht/+}) of nodes that may be
 *                      asked before any birth was seen
 * @param perSecond     global budget: requests per second over all nodes of a connection (token bucket)
 * @param burst         global budget: requests that may go out at once
 * @param perNode       at most one request per node per this interval
 */
public record RebirthPolicy(Mode mode, List<String> allowList, double perSecond, int burst, Duration perNode) {

    public enum Mode { PASSIVE, KNOWN, ANY }

    /** Known or allow-listed nodes, 5 per second with a burst of 20, once per node every 5 s. */
    public static final RebirthPolicy DEFAULTS = new RebirthPolicy(Mode.KNOWN, List.of(), 5, 20, Duration.ofSeconds(5));

    public RebirthPolicy {
        Objects.requireNonNull(mode, "mode");
        allowList = List.copyOf(allowList);
        for (String p : allowList) {
            String problem = TopicFilter.problem(p);
            if (problem != null) {
                throw new IllegalArgumentException("rebirth allow-list pattern '" + p + "' " + problem);
            }
        }
        if (!(perSecond > 0) || !Double.isFinite(perSecond)) {
            throw new IllegalArgumentException("rebirth rate must be a positive number, got " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("rebirth burst must be at least 1, got " + burst);
        }
        Objects.requireNonNull(perNode, "perNode");
        if (perNode.isNegative()) {
            throw new IllegalArgumentException("per-node rebirth interval must not be negative, got " + perNode);
        }
    }

    public RebirthPolicy withMode(Mode m) {
        return new RebirthPolicy(m, allowList, perSecond, burst, perNode);
    }

    public RebirthPolicy withAllowList(List<String> patterns) {
        return new RebirthPolicy(mode, patterns, perSecond, burst, perNode);
    }

    /** May a node never seen born be asked? */
    boolean mayAskUnknown(String group, String node) {
        return switch (mode) {
            case PASSIVE -> false;
            case ANY -> true;
            case KNOWN -> {
                if (allowList.isEmpty()) {
                    yield false;
                }
                String path = group + "/" + node;
                for (String p : allowList) {
                    if (TopicFilter.matches(p, path)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }
}
