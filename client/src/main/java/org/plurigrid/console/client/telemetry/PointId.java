package org.plurigrid.console.client.telemetry;

import java.util.Objects;

/**
 * The address of one telemetry point, in Sparkplug terms: group / edge node / device / metric.
 * Node-level metrics have an empty device. Plain-JSON points are mapped onto the same shape.
 */
public record PointId(String group, String node, String device, String metric) implements Comparable<PointId> {

    public PointId {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(metric, "metric");
        if (metric.isEmpty()) {
            throw new IllegalArgumentException("metric name must not be empty");
        }
    }

    public static PointId nodeMetric(String group, String node, String metric) {
        return new PointId(group, node, "", metric);
    }

    /** The path shown to operators and used in filters, e.g. {@code grid-a/sub-12/pv-0042/ActivePower}. */
    public String path() {
        return device.isEmpty()
                ? group + "/" + node + "/" + metric
                : group + "/" + node + "/" + device + "/" + metric;
    }

    @Override
    public int compareTo(PointId o) {
        return path().compareTo(o.path());
    }

    @Override
    public String toString() {
        return path();
    }
}
