package org.plurigrid.console.views.common;

import java.time.Instant;

import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/** Small builders of test measurements, named after the devnet conventions. */
public final class Points {

    public static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private Points() {
    }

    public static PointId device(String group, String node, String device, String metric) {
        return new PointId(group, node, device, metric);
    }

    /** ActivePower of a device, in kW, GOOD. */
    public static Measurement power(String device, double kw) {
        return power("cg-groningen", "groningen-sub-01", device, kw, Quality.GOOD);
    }

    public static Measurement power(String group, String node, String device, double kw, Quality q) {
        return new Measurement(new PointId(group, node, device, "ActivePower"), kw, T0, q, "kW");
    }

    public static Measurement measurement(PointId id, double value, Quality q) {
        return new Measurement(id, value, T0, q, "kW");
    }
}
