package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.util.Objects;

/**
 * An expected update period for the points whose path ({@code group/node[/device]/metric}) matches an MQTT-style
 * pattern, e.g. {@code cg-utrecht/+/+/StateOfCharge} every 60 s. Silence longer than the period makes a point STALE.
 */
public record StaleRule(String pointPattern, Duration period) {

    public StaleRule {
        Objects.requireNonNull(pointPattern, "pointPattern");
        Objects.requireNonNull(period, "period");
        String problem = TopicFilter.problem(pointPattern);
        if (problem != null) {
            throw new IllegalArgumentException("point pattern '" + pointPattern + "' " + problem);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("expected period of '" + pointPattern + "' must be positive, got "
                    + period);
        }
    }

    public boolean matches(PointId id) {
        return TopicFilter.matches(pointPattern, id.path());
    }
}
