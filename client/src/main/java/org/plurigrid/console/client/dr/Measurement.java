package org.plurigrid.console.client.dr;

import java.time.Duration;
import java.util.Map;

/**
 * The measured response of an event so far (meter-before baseline): per device, the baseline (mean import in the
 * window before the event), the measured mean import since the event started, and delivered = baseline − measured, kW;
 * sums over the devices; energy delivered, Wh, over {@code elapsed}.
 */
public record Measurement(double requestedKw, double baselineKw, double measuredKw, double deliveredKw, Duration elapsed,
                          Map<DerDevice, double[]> perDevice) {

    public Measurement {
        perDevice = Map.copyOf(perDevice);
    }

    /** Energy a device delivered, Wh (never negative: a device that drew more delivered nothing). */
    public long deliveredWh(DerDevice d) {
        double[] v = perDevice.get(d);
        return v == null ? 0 : Math.max(0, Math.round((v[0] - v[1]) * elapsed.toMillis() / 3_600_000.0 * 1000));
    }
}
