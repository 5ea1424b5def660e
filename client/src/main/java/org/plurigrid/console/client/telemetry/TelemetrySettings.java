package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the pipeline interprets what arrives, shared by all brokers.
 *
 * @param stalePeriod  maximum age of points decoded from plain JSON or a plugin's format that set no period of their
 *                     own: such sources have no death certificate, so silence is the only sign of a lost source.
 *                     Sparkplug B points do not age unless a {@link StaleRule} says their source reports periodically
 *                     (see {@code docs/telemetry-conventions.md}, "Data quality"). The JSON topic mappings themselves
 *                     are the bundled JSON-topics plugin's configuration ({@link JsonMappingDecoder})
 * @param staleRules   maximum ages by point pattern for sources that promise periodic reports (first match wins; a
 *                     decoder's own period, such as a JSON mapping's, wins over these)
 * @param rebirth      when rebirth requests may be sent
 * @param limits       resource limits per connection and for the store
 */
public record TelemetrySettings(Duration stalePeriod, List<StaleRule> staleRules, RebirthPolicy rebirth, TelemetryLimits limits) {

    public static final TelemetrySettings DEFAULTS =
            new TelemetrySettings(TelemetryService.DEFAULT_STALE_PERIOD, List.of());

    public TelemetrySettings {
        Objects.requireNonNull(stalePeriod, "stalePeriod");
        if (stalePeriod.isNegative() || stalePeriod.isZero()) {
            throw new IllegalArgumentException("stale period must be positive, got " + stalePeriod);
        }
        staleRules = List.copyOf(staleRules);
        Objects.requireNonNull(rebirth, "rebirth");
        Objects.requireNonNull(limits, "limits");
    }

    /** With the default rebirth policy and limits. */
    public TelemetrySettings(Duration stalePeriod, List<StaleRule> staleRules) {
        this(stalePeriod, staleRules, RebirthPolicy.DEFAULTS, TelemetryLimits.DEFAULTS);
    }

    public TelemetrySettings withStalePeriod(Duration period) {
        return new TelemetrySettings(period, staleRules, rebirth, limits);
    }

    public TelemetrySettings withRebirth(RebirthPolicy policy) {
        return new TelemetrySettings(stalePeriod, staleRules, policy, limits);
    }

    public TelemetrySettings withLimits(TelemetryLimits l) {
        return new TelemetrySettings(stalePeriod, staleRules, rebirth, l);
    }

    public TelemetrySettings withStaleRules(List<StaleRule> rules) {
        return new TelemetrySettings(stalePeriod, rules, rebirth, limits);
    }
}
