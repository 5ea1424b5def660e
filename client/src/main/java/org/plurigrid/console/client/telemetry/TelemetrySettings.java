package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the pipeline interprets what arrives, shared by all brokers.
 *
 * @param stalePeriod  maximum age of JSON-mapped points that set no period of their own: plain JSON has no death
 *                     certificate, so silence is the only sign of a lost source. Sparkplug B points do not age
 *                     unless a {@link StaleRule} says their source reports periodically (see
 *                     {@code docs/telemetry-conventions.md}, "Data quality")
 * @param jsonMappings plain-JSON topics and how they become points (non-{@code spBv1.0/} topics)
 * @param staleRules   maximum ages by point pattern for sources that promise periodic reports (first match wins; a
 *                     JSON mapping's own period wins over these)
 * @param rebirth      when rebirth requests may be sent
 * @param limits       resource limits per connection and for the store
 */
public record TelemetrySettings(Duration stalePeriod, List<JsonMapping> jsonMappings, List<StaleRule> staleRules,
                                RebirthPolicy rebirth, TelemetryLimits limits) {

    public static final TelemetrySettings DEFAULTS =
            new TelemetrySettings(TelemetryService.DEFAULT_STALE_PERIOD, List.of(), List.of());

    public TelemetrySettings {
        Objects.requireNonNull(stalePeriod, "stalePeriod");
        if (stalePeriod.isNegative() || stalePeriod.isZero()) {
            throw new IllegalArgumentException("stale period must be positive, got " + stalePeriod);
        }
        jsonMappings = List.copyOf(jsonMappings);
        staleRules = List.copyOf(staleRules);
        Objects.requireNonNull(rebirth, "rebirth");
        Objects.requireNonNull(limits, "limits");
    }

    /** With the default rebirth policy and limits. */
    public TelemetrySettings(Duration stalePeriod, List<JsonMapping> jsonMappings, List<StaleRule> staleRules) {
        this(stalePeriod, jsonMappings, staleRules, RebirthPolicy.DEFAULTS, TelemetryLimits.DEFAULTS);
    }

    public TelemetrySettings withStalePeriod(Duration period) {
        return new TelemetrySettings(period, jsonMappings, staleRules, rebirth, limits);
    }

    public TelemetrySettings withRebirth(RebirthPolicy policy) {
        return new TelemetrySettings(stalePeriod, jsonMappings, staleRules, policy, limits);
    }

    public TelemetrySettings withLimits(TelemetryLimits l) {
        return new TelemetrySettings(stalePeriod, jsonMappings, staleRules, rebirth, l);
    }

    public TelemetrySettings withStaleRules(List<StaleRule> rules) {
        return new TelemetrySettings(stalePeriod, jsonMappings, rules, rebirth, limits);
    }
}
