package org.plurigrid.console.client.dr;

import java.util.Objects;
import java.util.Optional;
import org.plurigrid.console.client.telemetry.DerType;

/**
 * A DER as its Sparkplug births name it: community grid (group), edge node (site), device id. A value: equal when the
 * three names are. Its kind is read from the id once, when the device is made, not at every question about it.
 */
public final class DerDevice {

    private final String group;
    private final String node;
    private final String device;
    /** {@link DerType#fromDeviceId} of {@code device}: derived, so not part of equality. */
    private final Optional<DerType> type;

    public DerDevice(String group, String node, String device) {
        this.group = Objects.requireNonNull(group, "group");
        this.node = Objects.requireNonNull(node, "node");
        this.device = Objects.requireNonNull(device, "device");
        this.type = DerType.fromDeviceId(device);
    }

    public String group() {
        return group;
    }

    public String node() {
        return node;
    }

    public String device() {
        return device;
    }

    /** Does a DR target (a community grid, a substation/site, or a device id) include this device? */
    public boolean inTarget(String target) {
        return target.equals(group) || target.equals(node) || target.equals(device);
    }

    /**
     * The kind of DER its id names ({@code bat-0007}: {@link DerType}'s rule, the one owner of kinds and prefixes),
     * empty for a kind the console has no rule for (a plugin may still estimate its flexibility).
     */
    public Optional<DerType> type() {
        return type;
    }

    /** A generator (PV, wind): its flexibility is what it produces, curtailed on an export limit. */
    public boolean generator() {
        return type.map(t -> t == DerType.PV || t == DerType.WIND).orElse(false);
    }

    /** The device's import (kW, + drawn from the grid) from its {@code ActivePower} reading: generators and batteries report output. */
    public double importKw(double activePowerKw) {
        return generator() || type.orElse(null) == DerType.BATTERY ? -activePowerKw : activePowerKw;
    }

    public String dcmdTopic() {
        return "spBv1.0/" + group + "/DCMD/" + node + "/" + device;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DerDevice d && group.equals(d.group) && node.equals(d.node) && device.equals(d.device);
    }

    /** The hash the record this was gave, so the order of hashed collections of devices stays as it was. */
    @Override
    public int hashCode() {
        return (group.hashCode() * 31 + node.hashCode()) * 31 + device.hashCode();
    }

    @Override
    public String toString() {
        return group + "/" + node + "/" + device;
    }
}
