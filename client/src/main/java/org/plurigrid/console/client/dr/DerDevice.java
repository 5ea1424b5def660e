package org.plurigrid.console.client.dr;

import java.util.Objects;
import java.util.Optional;
import org.plurigrid.console.client.telemetry.DerType;

/** A DER as its Sparkplug births name it: community grid (group), edge node (site), device id. */
public record DerDevice(String group, String node, String device) {
    public DerDevice {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(device, "device");
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
        return DerType.fromDeviceId(device);
    }

    /** A generator (PV, wind): its flexibility is what it produces, curtailed on an export limit. */
    public boolean generator() {
        return type().map(t -> t == DerType.PV || t == DerType.WIND).orElse(false);
    }

    /** The device's import (kW, + drawn from the grid) from its {@code ActivePower} reading: generators and batteries report output. */
    public double importKw(double activePowerKw) {
        return generator() || type().orElse(null) == DerType.BATTERY ? -activePowerKw : activePowerKw;
    }

    public String dcmdTopic() {
        return "spBv1.0/" + group + "/DCMD/" + node + "/" + device;
    }

    @Override
    public String toString() {
        return group + "/" + node + "/" + device;
    }
}
