package org.plurigrid.console.client.alarms;

import java.util.Objects;
import java.util.regex.Pattern;
import org.plurigrid.console.client.telemetry.PointId;

/**
 * Which points a rule applies to. Every given part must match; absent parts match anything.
 * Globs: {@code *} matches within one path segment (no {@code /}), {@code **} matches across segments, {@code ?} one
 * character. The path glob is matched against {@link PointId#path()}, the metric glob against the metric name.
 *
 * @param pathGlob   glob on the point path, e.g. {@code cg-groningen/**}; null for any
 * @param metricGlob glob on the metric name, e.g. {@code Substation/Voltage} or {@code Alarm/**}; null for any
 * @param deviceType device type prefix, e.g. {@code bat} for {@code bat-0007}; null for any (implies device level)
 * @param level      node-level points only, device-level points only, or both
 */
public record PointPattern(String pathGlob, String metricGlob, String deviceType, Level level) {

    /** Whether a rule looks at edge-node metrics, device metrics or both. */
    public enum Level { NODE, DEVICE, ANY }

    public PointPattern {
        Objects.requireNonNull(level, "level");
        if (deviceType != null && (deviceType.isBlank() || deviceType.contains("/"))) {
            throw new IllegalArgumentException("device type must be a plain prefix such as 'bat', was '" + deviceType + "'");
        }
        if (deviceType != null && level == Level.NODE) {
            throw new IllegalArgumentException("a device type cannot be combined with level NODE");
        }
        // Fail early on a glob that cannot compile rather than on the first matching point.
        if (pathGlob != null) {
            globToRegex(pathGlob);
        }
        if (metricGlob != null) {
            globToRegex(metricGlob);
        }
    }

    public static PointPattern metric(String metricGlob, Level level) {
        return new PointPattern(null, metricGlob, null, level);
    }

    /** Compiled once per rule; matching runs once per distinct point, never per message. */
    Matcher compile() {
        Pattern path = pathGlob == null ? null : globToRegex(pathGlob);
        Pattern metric = metricGlob == null ? null : globToRegex(metricGlob);
        String typePrefix = deviceType == null ? null : deviceType + "-";
        return id -> {
            boolean nodeLevel = id.device().isEmpty();
            if (level == Level.NODE && !nodeLevel || level == Level.DEVICE && nodeLevel) {
                return false;
            }
            if (typePrefix != null && !(id.device().startsWith(typePrefix) || id.device().equals(deviceType))) {
                return false;
            }
            if (metric != null && !metric.matcher(id.metric()).matches()) {
                return false;
            }
            return path == null || path.matcher(id.path()).matches();
        };
    }

    /** A compiled pattern. */
    @FunctionalInterface
    interface Matcher {
        boolean matches(PointId id);
    }

    static Pattern globToRegex(String glob) {
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("glob must not be empty");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
