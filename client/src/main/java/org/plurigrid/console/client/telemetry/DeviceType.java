package org.plurigrid.console.client.telemetry;

/**
 * The kind of a DER, read from the prefix of its device id ({@code pv-0042} is {@link #PV}), per
 * docs/telemetry-conventions.md. Devices that follow no convention are {@link #OTHER}.
 */
public enum DeviceType {
    PV, WIND, BAT, EV, LOAD, OTHER;

    public static DeviceType fromDeviceId(String deviceId) {
        int dash = deviceId.indexOf('-');
        String prefix = dash < 0 ? deviceId : deviceId.substring(0, dash);
        return switch (prefix) {
            case "pv" -> PV;
            case "wind" -> WIND;
            case "bat" -> BAT;
            case "ev" -> EV;
            case "load" -> LOAD;
            default -> OTHER;
        };
    }
}
