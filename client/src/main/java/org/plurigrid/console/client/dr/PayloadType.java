package org.plurigrid.console.client.dr;

import java.util.Arrays;
import java.util.Locale;

/**
 * The OpenADR 3.1 event payload types the console dispatches (Definition, event interval payloads), with the IEEE
 * 2030.5 DERControlBase control each one becomes on a device.
 */
public enum PayloadType {
    /** Maximum import of the site, in the descriptor's units: a device caps its consumption (opModMaxLimW on loads). */
    IMPORT_CAPACITY_LIMIT(DeviceControl.MAX_LIMIT_W),
    /** Maximum export of the site: a generator or battery caps its export (opModMaxLimW on generation). */
    EXPORT_CAPACITY_LIMIT(DeviceControl.MAX_LIMIT_W),
    /** An absolute consumption set point (opModFixedW). */
    DISPATCH_SETPOINT(DeviceControl.FIXED_W),
    /** A change of consumption relative to now, negative to reduce (opModTargetW = baseline + value). */
    DISPATCH_SETPOINT_RELATIVE(DeviceControl.TARGET_W),
    /** A state of charge to reach, % (storage only). */
    CHARGE_STATE_SETPOINT(DeviceControl.FIXED_W),
    /** A basic signal level 0 (normal) to 3 (highest shed). */
    SIMPLE(DeviceControl.TARGET_W);

    private final DeviceControl control;

    PayloadType(DeviceControl control) {
        this.control = control;
    }

    /** The 2030.5 control metric a device receives for this payload. */
    public DeviceControl control() {
        return control;
    }

    /** Parses a name case-insensitively, with a message listing the known names. */
    public static PayloadType parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown payload type '" + text + "': use one of "
                    + Arrays.toString(values()), e);
        }
    }
}
