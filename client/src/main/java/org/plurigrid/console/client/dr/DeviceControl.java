package org.plurigrid.console.client.dr;

/**
 * The Sparkplug B control metrics of a demand-response device, named after IEEE 2030.5 DERControlBase (SunSpec
 * naming), as devices declare them in their DBIRTH and the console writes them in a DCMD. One owner for the names:
 * the devnet's devices and the console's sender both use these.
 */
public enum DeviceControl {
    /** Limit of active power, W (a cap, whatever the device would do otherwise). */
    MAX_LIMIT_W("DERControl/opModMaxLimW"),
    /** Fixed active power, W. */
    FIXED_W("DERControl/opModFixedW"),
    /** Target active power, W. */
    TARGET_W("DERControl/opModTargetW"),
    /** Connect (true) or disconnect (false). */
    CONNECT("DERControl/opModConnect"),
    /** Time to ramp to the new value, s (2030.5 rampTms is in hundredths of a second; we publish seconds). */
    RAMP_SECONDS("DERControl/rampTms"),
    /** The OpenADR event id the control belongs to; empty when none. */
    EVENT_ID("DERControl/eventId"),
    /** When the control starts (epoch ms, Sparkplug DateTime); absent means now. */
    EVENT_START("DERControl/eventStart"),
    /** When the control ends (epoch ms, Sparkplug DateTime): the device returns to normal by itself then. */
    EVENT_END("DERControl/eventEnd"),
    /** Device's reply: which control is active, empty when none. */
    ACTIVE_CONTROL("DERControl/activeControl"),
    /** Device's reply: the event id it acts on. */
    ACTIVE_EVENT_ID("DERControl/activeEventId"),
    /** Device's reply: a 2030.5-style response status, see {@link ResponseStatus}. */
    RESPONSE_STATUS("DERControl/responseStatus");

    private final String metric;

    DeviceControl(String metric) {
        this.metric = metric;
    }

    /** The Sparkplug metric name. */
    public String metric() {
        return metric;
    }

    /** The 2030.5 response statuses a device reports (a subset of Response.status). */
    public enum ResponseStatus {
        RECEIVED, STARTED, COMPLETED, CANCELLED, REJECTED;

        public static ResponseStatus parse(String s) {
            return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
