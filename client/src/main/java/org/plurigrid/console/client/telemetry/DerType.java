package org.plurigrid.console.client.telemetry;

import java.util.Locale;
import java.util.Optional;

/** Kinds of distributed energy resource, with the device-id prefix of docs/telemetry-conventions.md. */
public enum DerType {
    PV("pv"), WIND("wind"), BATTERY("bat"), EV_CHARGER("ev"), FLEXIBLE_LOAD("load");

    private final String prefix;

    DerType(String prefix) {
        this.prefix = prefix;
    }

    /** The device-id prefix used on the wire, e.g. {@code pv} for {@code pv-0001}. */
    public String prefix() {
        return prefix;
    }

    /** The type named by a device id such as {@code bat-0007} or {@code groningen-sub-03/bat-0007}. */
    public static Optional<DerType> fromDeviceId(String deviceId) {
        if (deviceId == null) {
            return Optional.empty();
        }
        String local = deviceId.substring(deviceId.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dash = local.indexOf('-');
        String head = dash < 0 ? local : local.substring(0, dash);
        for (DerType t : values()) {
            if (t.prefix.equals(head)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
