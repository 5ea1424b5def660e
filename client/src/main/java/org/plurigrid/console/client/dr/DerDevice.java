package org.plurigrid.console.client.dr;

import java.util.Objects;

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

    /** The kind by id prefix: pv, bat, ev, load, wind (or the whole id). */
    public String kind() {
        int dash = device.indexOf('-');
        return dash < 0 ? device : device.substring(0, dash);
    }

    /** The device's import (kW, + drawn from the grid) from its {@code ActivePower} reading: generators and batteries report output. */
    public double importKw(double activePowerKw) {
        return switch (kind()) {
            case "pv", "wind", "bat" -> -activePowerKw;
            default -> activePowerKw;
        };
    }

    public String dcmdTopic() {
        return "spBv1.0/" + group + "/DCMD/" + node + "/" + device;
    }

    @Override
    public String toString() {
        return group + "/" + node + "/" + device;
    }
}
