package org.plurigrid.console.client.alarms;

import java.util.Objects;
import java.util.regex.Pattern;
import org.plurigrid.console.client.telemetry.PointGlob;
import org.plurigrid.console.client.telemetry.PointId;

/**
 * Which points a rule applies to. Every given part must match; absent parts match anything.
 * Globs ({@link PointGlob}, the console's one point-pattern syntax): {@code *} matches within one path segment (no
 * {@code /}), {@code **} matches across segments, {@code ?} one character. The path glob is matched against
 * {@link PointId#path()}, the metric glob against the metric name.
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
        for (String glob : new String[]{pathGlob, metricGlob}) {
            if (glob != null && PointGlob.isMqttStyle(glob)) {
                throw new IllegalArgumentException("'" + glob + "' is an MQTT filter; point patterns are globs: "
                        + "write * for one level and ** for the rest");
            }
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

    /** The one point-pattern syntax of the console ({@link PointGlob}). */
    static Pattern globToRegex(String glob) {
        return new PointGlob(glob).pattern();
    }
}
