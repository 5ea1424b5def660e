package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the pipeline interprets what arrives, shared by all brokers.
 *
 * @param stalePeriod  default expected period: a GOOD point silent for longer turns STALE
 * @param jsonMappings plain-JSON topics and how they become points (non-{@code spBv1.0/} topics)
 * @param staleRules   per-point expected periods (first match wins; a JSON mapping's own period wins over these)
 */
public record TelemetrySettings(Duration stalePeriod, List<JsonMapping> jsonMappings, List<StaleRule> staleRules) {

    public static final TelemetrySettings DEFAULTS =
            new TelemetrySettings(TelemetryService.DEFAULT_STALE_PERIOD, List.of(), List.of());

    public TelemetrySettings {
        Objects.requireNonNull(stalePeriod, "stalePeriod");
        if (stalePeriod.isNegative() || stalePeriod.isZero()) {
            throw new IllegalArgumentException("stale period must be positive, got " + stalePeriod);
        }
        jsonMappings = List.copyOf(jsonMappings);
        staleRules = List.copyOf(staleRules);
    }

    public TelemetrySettings withStalePeriod(Duration period) {
        return new TelemetrySettings(period, jsonMappings, staleRules);
    }
}
