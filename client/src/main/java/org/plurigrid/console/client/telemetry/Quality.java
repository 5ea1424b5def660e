package org.plurigrid.console.client.telemetry;

/** How far a value can be trusted; every view shows it the same way. */
public enum Quality {
    /** Fresh value from a live source. */
    GOOD,
    /** No update within the point's expected period; the last value is kept but greyed. */
    STALE,
    /** The source reported the value as bad or it could not be decoded. */
    BAD,
    /** The edge node or broker connection is gone (NDEATH/DDEATH or disconnect). */
    COMMS_LOST
}
