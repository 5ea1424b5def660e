package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.util.Objects;

/**
 * An expected update period for the points whose path ({@code group/node[/device]/metric}) matches a
 * {@link PointGlob}, e.g. {@code cg-utrecht/*}{@code /*}{@code /StateOfCharge} every 60 s. Silence longer than the
 * period makes a point STALE.
 */
public record StaleRule(PointGlob points, Duration period) {

    public StaleRule {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("expected period of '" + points + "' must be positive, got " + period);
        }
    }

    /**
     * @param pointPattern a glob, or the deprecated MQTT form ({@code cg-utrecht/+/+/StateOfCharge}), read as the glob
     *                     it means (see {@link PointGlob#parse})
     */
    public StaleRule(String pointPattern, Duration period) {
        this(glob(pointPattern), period);
    }

    private static PointGlob glob(String pointPattern) {
        Objects.requireNonNull(pointPattern, "pointPattern");
        try {
            return PointGlob.parse(pointPattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("point pattern '" + pointPattern + "': " + e.getMessage());
        }
    }

    /** The pattern in glob form. */
    public String pointPattern() {
        return points.glob();
    }

    public boolean matches(PointId id) {
        return points.matches(id.path());
    }
}
