package org.plurigrid.console.devnet.fleet;

import java.util.List;

/**
 * The kinds of DER in the fleet. The device id starts with {@link #prefix()}; {@link #metrics()} lists what the
 * device publishes, in alias order. Capacity is the nameplate and only changes at birth.
 */
public enum DeviceType {
    PV("pv", List.of(
            MetricSpec.analog("ActivePower", "kW", 0.01),
            MetricSpec.analog("Irradiance", "W/m²", 0.1),
            MetricSpec.analog("Capacity", "kW", 0.01))),
    BAT("bat", List.of(
            MetricSpec.analog("ActivePower", "kW", 0.01),
            MetricSpec.analog("StateOfCharge", "%", 0.01),
            MetricSpec.analog("Capacity", "kWh", 0.01))),
    EV("ev", List.of(
            MetricSpec.analog("ActivePower", "kW", 0.01),
            MetricSpec.flag("Connected"),
            MetricSpec.analog("Capacity", "kW", 0.01))),
    LOAD("load", List.of(
            MetricSpec.analog("ActivePower", "kW", 0.01),
            MetricSpec.analog("Flexibility", "kW", 0.01),
            MetricSpec.analog("Capacity", "kW", 0.01))),
    WIND("wind", List.of(
            MetricSpec.analog("ActivePower", "kW", 0.01),
            MetricSpec.analog("Capacity", "kW", 0.01)));

    private final String prefix;
    private final List<MetricSpec> metrics;

    DeviceType(String prefix, List<MetricSpec> metrics) {
        this.prefix = prefix;
        this.metrics = metrics;
    }

    /** Prefix of the device id, e.g. {@code pv} in {@code pv-0042}. */
    public String prefix() {
        return prefix;
    }

    public List<MetricSpec> metrics() {
        return metrics;
    }

    /** The device id for the {@code n}-th device of this type (1-based), e.g. {@code pv-0042}. */
    public String deviceId(int n) {
        return "%s-%04d".formatted(prefix, n);
    }

    /** The type named by a device id's prefix. */
    public static DeviceType ofDeviceId(String deviceId) {
        int dash = deviceId.indexOf('-');
        String prefix = dash < 0 ? deviceId : deviceId.substring(0, dash);
        for (DeviceType t : values()) {
            if (t.prefix.equals(prefix)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown device type in id " + deviceId);
    }
}
