package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * How one value in a plain-JSON MQTT message becomes a point, for co-ops that do not speak Sparkplug.
 *
 * <p>The topic pattern is an MQTT filter whose levels may also be the named captures {@code {group}}, {@code {node}}
 * and {@code {device}} (each matching one level, like {@code +}). Group and node come from a capture or from the
 * fixed {@link #group}/{@link #node}; the device is optional. Example: pattern {@code coop/{node}/{device}/state},
 * group {@code cg-coop}, value pointer {@code /power/w}, metric {@code ActivePower}, unit {@code kW}, scale 0.001.
 *
 * @param topicPattern     MQTT filter with optional captures
 * @param valuePointer     RFC 6901 JSON pointer to the value ({@code ""} = the whole document is the value)
 * @param metric           metric name of the point
 * @param unit             engineering unit after scaling, may be empty
 * @param scale            factor applied to the value (e.g. W to kW: 0.001)
 * @param timestampPointer pointer to the source time (epoch milliseconds or ISO-8601); empty = time of receipt
 * @param expectedPeriod   how often the value should arrive; silence longer than this makes it STALE (empty = the
 *                         console's default stale period)
 * @param group            fixed group when the pattern has no {@code {group}}
 * @param node             fixed edge node when the pattern has no {@code {node}}
 * @param device           fixed device when the pattern has no {@code {device}}; empty = node-level metric
 */
public record JsonMapping(String topicPattern, String valuePointer, String metric, String unit, double scale,
                          Optional<String> timestampPointer, Optional<Duration> expectedPeriod, String group,
                          String node, String device) {

    private static final List<String> CAPTURES = List.of("group", "node", "device");

    public JsonMapping {
        Objects.requireNonNull(topicPattern, "topicPattern");
        Objects.requireNonNull(valuePointer, "valuePointer");
        Objects.requireNonNull(metric, "metric");
        unit = unit == null ? "" : unit;
        Objects.requireNonNull(timestampPointer, "timestampPointer");
        Objects.requireNonNull(expectedPeriod, "expectedPeriod");
        group = group == null ? "" : group;
        node = node == null ? "" : node;
        device = device == null ? "" : device;
        String where = "JSON mapping '" + topicPattern + "': ";
        String[] levels = topicPattern.split("/", -1);
        List<String> seen = new ArrayList<>();
        StringBuilder filter = new StringBuilder();
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.startsWith("{") && level.endsWith("}")) {
                String name = level.substring(1, level.length() - 1);
                if (!CAPTURES.contains(name)) {
                    throw new IllegalArgumentException(where + "unknown capture {" + name + "}; use {group}, "
                            + "{node} or {device}");
                }
                if (seen.contains(name)) {
                    throw new IllegalArgumentException(where + "capture {" + name + "} appears twice");
                }
                seen.add(name);
                level = "+";
            }
            filter.append(i == 0 ? "" : "/").append(level);
        }
        String problem = TopicFilter.problem(filter.toString());
        if (problem != null) {
            throw new IllegalArgumentException(where + "topic pattern " + problem);
        }
        if (topicPattern.startsWith(SparkplugDecoder.NAMESPACE + "/")) {
            throw new IllegalArgumentException(where + "spBv1.0/ topics are decoded as Sparkplug B, not mapped");
        }
        if (group.isEmpty() && !seen.contains("group")) {
            throw new IllegalArgumentException(where + "needs a {group} capture or a fixed group");
        }
        if (node.isEmpty() && !seen.contains("node")) {
            throw new IllegalArgumentException(where + "needs a {node} capture or a fixed node");
        }
        checkPointer(where + "value pointer", valuePointer);
        timestampPointer.ifPresent(p -> checkPointer(where + "timestamp pointer", p));
        if (metric.isBlank()) {
            throw new IllegalArgumentException(where + "metric name must not be blank");
        }
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException(where + "scale must be a finite, non-zero number, got " + scale);
        }
        expectedPeriod.ifPresent(p -> {
            if (p.isNegative() || p.isZero()) {
                throw new IllegalArgumentException(where + "expected period must be positive, got " + p);
            }
        });
    }

    private static void checkPointer(String what, String pointer) {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException(what + " '" + pointer + "' must be empty or start with '/' "
                    + "(RFC 6901, e.g. /power/w)");
        }
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + pointer + "' is not a JSON pointer: " + e.getMessage(), e);
        }
    }

    public static Builder builder(String topicPattern, String valuePointer, String metric) {
        return new Builder(topicPattern, valuePointer, metric);
    }

    /** The MQTT subscription that covers this mapping (captures become {@code +}). */
    public String subscriptionFilter() {
        StringBuilder out = new StringBuilder();
        String[] levels = topicPattern.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            out.append(i == 0 ? "" : "/").append(level.startsWith("{") && level.endsWith("}") ? "+" : level);
        }
        return out.toString();
    }

    /**
     * The point this mapping makes of a message on {@code topic}, or empty when the topic does not match.
     * Captured levels must not be empty.
     */
    public Optional<PointId> pointFor(String topic) {
        if (topic.startsWith("$") && !topicPattern.startsWith("$")) {
            // MQTT: wildcards never match a $ topic's first level ($SYS/...), so neither does a capture or '+'
            // (fuzzing finding: "{group}" mapped "$5", which its subscription "+" never delivers)
            return Optional.empty();
        }
        String[] levels = topicPattern.split("/", -1);
        String g = group;
        String n = node;
        String d = device;
        int t = 0;
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.equals("#")) {
                return Optional.of(new PointId(g, n, d, metric));
            }
            if (t > topic.length()) {
                return Optional.empty();
            }
            int end = topic.indexOf('/', t);
            if (end < 0) {
                end = topic.length();
            }
            String part = topic.substring(t, end);
            if (level.startsWith("{") && level.endsWith("}")) {
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                switch (level) {
                    case "{group}" -> g = part;
                    case "{node}" -> n = part;
                    default -> d = part;
                }
            } else if (!level.equals("+") && !level.equals(part)) {
                return Optional.empty();
            }
            t = end + 1;
            if (i == levels.length - 1 && end != topic.length()) {
                return Optional.empty();
            }
        }
        return Optional.of(new PointId(g, n, d, metric));
    }

    /** Fluent construction: scale 1, no unit, no timestamp pointer, default expected period. */
    public static final class Builder {
        private final String topicPattern;
        private final String valuePointer;
        private final String metric;
        private String unit = "";
        private double scale = 1;
        private String timestampPointer;
        private Duration expectedPeriod;
        private String group = "";
        private String node = "";
        private String device = "";

        private Builder(String topicPattern, String valuePointer, String metric) {
            this.topicPattern = topicPattern;
            this.valuePointer = valuePointer;
            this.metric = metric;
        }

        public Builder unit(String u) { this.unit = u; return this; }
        public Builder scale(double s) { this.scale = s; return this; }
        public Builder timestampPointer(String p) { this.timestampPointer = p; return this; }
        public Builder expectedPeriod(Duration p) { this.expectedPeriod = p; return this; }
        public Builder group(String g) { this.group = g; return this; }
        public Builder node(String n) { this.node = n; return this; }
        public Builder device(String d) { this.device = d; return this; }

        public JsonMapping build() {
            return new JsonMapping(topicPattern, valuePointer, metric, unit, scale,
                    Optional.ofNullable(timestampPointer), Optional.ofNullable(expectedPeriod), group, node, device);
        }
    }
}
