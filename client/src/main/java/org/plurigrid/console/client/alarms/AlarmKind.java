package org.plurigrid.console.client.alarms;

/** What condition a rule watches. The short label is what the alarm list shows in its condition column. */
public enum AlarmKind {
    /** Value above a high-high limit. */
    HH("HH", true),
    /** Value above a high limit. */
    H("H", true),
    /** Value below a low limit. */
    L("L", true),
    /** Value below a low-low limit. */
    LL("LL", true),
    /** Absolute rate of change above a limit, in unit per second. */
    RATE_OF_CHANGE("ROC", true),
    /** The source reports the value as bad. */
    BAD_QUALITY("BAD", false),
    /** No update within the point's expected period. */
    STALE("STALE", false),
    /** The edge node (or device) is dead: NDEATH/DDEATH or lost connection. */
    COMMS_LOSS("COMMS", false),
    /** The device itself reports an alarm: a metric such as {@code Alarm/Overtemperature} with a non-zero value. */
    DEVICE_REPORTED("DEV", false);

    private final String label;
    private final boolean needsLimit;

    AlarmKind(String label, boolean needsLimit) {
        this.label = label;
        this.needsLimit = needsLimit;
    }

    public String label() {
        return label;
    }

    /** Whether rules of this kind need a {@code limit} (and may have a {@code deadband}). */
    public boolean needsLimit() {
        return needsLimit;
    }

    boolean isHighLimit() {
        return this == HH || this == H;
    }

    boolean isLowLimit() {
        return this == LL || this == L;
    }
}
