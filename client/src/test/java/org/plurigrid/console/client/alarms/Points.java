package org.plurigrid.console.client.alarms;

import java.time.InstantSource;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/** Small builders for devnet-shaped points and measurements. */
final class Points {
    static final String GROUP = "cg-groningen";

    private Points() {
    }

    static PointId voltage(String node) {
        return PointId.nodeMetric(GROUP, node, "Substation/Voltage");
    }

    static PointId nodeMetric(String node, String metric) {
        return PointId.nodeMetric(GROUP, node, metric);
    }

    static PointId deviceMetric(String node, String device, String metric) {
        return new PointId(GROUP, node, device, metric);
    }

    static Measurement good(PointId id, double value, InstantSource clock) {
        return new Measurement(id, value, clock.instant(), Quality.GOOD, unitOf(id));
    }

    static Measurement withQuality(PointId id, double value, Quality q, InstantSource clock) {
        return new Measurement(id, value, clock.instant(), q, unitOf(id));
    }

    private static String unitOf(PointId id) {
        return switch (id.metric()) {
            case "Substation/Voltage" -> "pu";
            case "StateOfCharge" -> "%";
            default -> "kW";
        };
    }
}
