package org.plurigrid.console.devnet.fleet;

import java.util.List;
import org.plurigrid.console.client.telemetry.DerType;

/**
 * The kinds of DER the fleet simulates, each with what it publishes ({@link #metrics()}, in alias order). The kind
 * itself, its device-id prefix and how ids are parsed belong to the console's {@link DerType}. Capacity is the nameplate and only changes at birth.
 */
public enum DeviceType {
    PV(DerType.PV, List.of(
            MetricSpec.analog("ActivePower", "kW", 0.01),
            MetricSpec.analog("Irradiance", "W/m²", 0.1),
            MetricSpec.analog("Capacity", "kW", 0.01))),
    BAT(DerType.BATTERY, List.of(
            MetricSpec.analog("ActivePower", "kW", 0.01),
            MetricSpec.analog("StateOfCharge", "%", 0.01),
            MetricSpec.analog("Capacity", "kWh", 0.01))),
    EV(DerType.EV_CHARGER, List.of(
            MetricSpec.analog("ActivePower", "kW", 0.01),
            MetricSpec.flag("Connected"),
            MetricSpec.analog("Capacity", "kW", 0.01))),
    LOAD(DerType.FLEXIBLE_LOAD, List.of(
            MetricSpec.analog("ActivePower", "kW", 0.01),
            MetricSpec.analog("Flexibility", "kW", 0.01),
            MetricSpec.analog("Capacity", "kW", 0.01))),
    WIND(DerType.WIND, List.of(
            MetricSpec.analog("ActivePower", "kW", 0.01),
            MetricSpec.analog("Capacity", "kW", 0.01)));

    private final DerType kind;
    private final List<MetricSpec> metrics;

    DeviceType(DerType kind, List<MetricSpec> metrics) {
        this.kind = kind;
        this.metrics = metrics;
    }

    /** The console's DER kind this simulated device is: the one owner of kinds, prefixes and their parsing. */
    public DerType kind() {
        return kind;
    }

    /** Prefix of the device id, e.g. {@code pv} in {@code pv-0042}. */
    public String prefix() {
        return kind.prefix();
    }

    public List<MetricSpec> metrics() {
        return metrics;
    }

    /** The device id for the {@code n}-th device of this type (1-based), e.g. {@code pv-0042}. */
    public String deviceId(int n) {
        return "%s-%04d".formatted(prefix(), n);
    }

    /** The type named by a device id's prefix, by {@link DerType#fromDeviceId}'s rule. */
    public static DeviceType ofDeviceId(String deviceId) {
        DerType kind = DerType.fromDeviceId(deviceId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown device type in id " + deviceId));
        for (DeviceType t : values()) {
            if (t.kind == kind) {
                return t;
            }
        }
        throw new IllegalArgumentException("The fleet simulates no " + kind + " devices (id " + deviceId + ")");
    }
}
