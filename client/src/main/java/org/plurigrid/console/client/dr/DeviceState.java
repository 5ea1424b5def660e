package org.plurigrid.console.client.dr;

/** Where one device stands in a DR event, from its own DDATA acknowledgements (never the broker's PUBACK). */
public enum DeviceState {
    /** A DCMD was sent; no acknowledgement yet. */
    COMMANDED,
    /** The device acknowledged the control (received). */
    ACKNOWLEDGED,
    /** The device reports the control started: it is responding. */
    RESPONDING,
    /** The device reports the event completed or cancelled and is back to normal. */
    RESTORED,
    /** The device rejected the control, or never acknowledged after every retry. */
    FAILED,
    /** The device or its edge node is offline (DDEATH/NDEATH, or no birth). */
    OFFLINE;

    /** True once the device has answered the command. */
    public boolean acknowledged() {
        return this == ACKNOWLEDGED || this == RESPONDING || this == RESTORED;
    }
}
