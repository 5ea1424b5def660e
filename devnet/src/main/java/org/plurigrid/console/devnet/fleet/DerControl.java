package org.plurigrid.console.devnet.fleet;

import java.util.Map;
import org.plurigrid.console.client.dr.DeviceControl;
import org.plurigrid.console.client.dr.DeviceControl.ResponseStatus;

/**
 * A device's IEEE 2030.5-style DER control, as Sparkplug DCMDs set it: a limit, fixed or target power for an event,
 * reached over a ramp, held until the event's end, then released by the device itself (a console that dies mid-event
 * strands nothing). Its reply (active control, event id, response status) goes out in the device's DDATA. Used on the
 * fleet's thread only.
 */
public final class DerControl {

    private DeviceControl mode;
    private double setpointKw;
    private double rampSeconds;
    private String eventId = "";
    private ResponseStatus status;
    private double startsInSeconds;
    private double endsInSeconds;
    private double outputKw = Double.NaN;
    private boolean ignoring;

    /** Makes the device deaf to commands (the share of a fleet that does not respond). */
    void ignoreCommands(boolean ignore) {
        this.ignoring = ignore;
    }

    public boolean isIgnoringCommands() {
        return ignoring;
    }

    /**
     * Takes a DCMD's metrics (by name). An event end at or before now cancels the device's current event (or is
     * rejected when it names another event); a new event replaces the current one.
     *
     * @param metrics the DCMD's metrics by name; numbers as {@link Number}, flags as {@link Boolean}, text as String
     * @param nowMillis the device's clock
     */
    void command(Map<String, Object> metrics, long nowMillis) {
        if (ignoring) {
            return;
        }
        String id = metrics.get(DeviceControl.EVENT_ID.metric()) instanceof String s ? s : "";
        long end = metrics.get(DeviceControl.EVENT_END.metric()) instanceof Number n ? n.longValue() : 0;
        long start = metrics.get(DeviceControl.EVENT_START.metric()) instanceof Number n ? n.longValue() : nowMillis;
        if (end <= nowMillis) {
            if (!id.isEmpty() && id.equals(eventId) && mode != null) {
                release(ResponseStatus.CANCELLED);
            } else {
                eventId = id;
                status = ResponseStatus.REJECTED;
            }
            return;
        }
        DeviceControl chosen = null;
        double value = 0;
        for (DeviceControl c : new DeviceControl[] {DeviceControl.FIXED_W, DeviceControl.TARGET_W, DeviceControl.MAX_LIMIT_W}) {
            if (metrics.get(c.metric()) instanceof Number n) {
                chosen = c;
                value = n.doubleValue() / 1000;
                break;
            }
        }
        if (chosen == null && metrics.get(DeviceControl.CONNECT.metric()) instanceof Boolean connect && !connect) {
            chosen = DeviceControl.FIXED_W;
            value = 0;
        }
        if (chosen == null || !Double.isFinite(value)) {
            eventId = id;
            status = ResponseStatus.REJECTED;
            return;
        }
        mode = chosen;
        setpointKw = value;
        rampSeconds = metrics.get(DeviceControl.RAMP_SECONDS.metric()) instanceof Number n ? Math.max(0, n.doubleValue()) : 0;
        eventId = id;
        startsInSeconds = Math.max(0, (start - nowMillis) / 1000.0);
        endsInSeconds = (end - nowMillis) / 1000.0;
        status = ResponseStatus.RECEIVED;
    }

    /**
     * The power the device runs at this step: {@code naturalKw} (what it would do, in its own sign convention) unless a
     * control is active, then moved toward the control's value at most by the ramp rate, within {@code minKw..maxKw}.
     */
    double apply(double naturalKw, double minKw, double maxKw, double capacityKw, double dtSeconds) {
        if (mode == null) {
            outputKw = Double.NaN;
            return naturalKw;
        }
        startsInSeconds -= dtSeconds;
        endsInSeconds -= dtSeconds;
        if (endsInSeconds <= 0) {
            release(ResponseStatus.COMPLETED);
            return naturalKw;
        }
        if (startsInSeconds > 0) {
            return naturalKw;
        }
        status = ResponseStatus.STARTED;
        double wanted = switch (mode) {
            case MAX_LIMIT_W -> Math.signum(naturalKw) * Math.min(Math.abs(naturalKw), Math.abs(setpointKw));
            default -> setpointKw;
        };
        wanted = Math.max(minKw, Math.min(maxKw, wanted));
        double from = Double.isNaN(outputKw) ? naturalKw : outputKw;
        double maxStep = rampSeconds <= 0 ? Double.POSITIVE_INFINITY : Math.max(capacityKw, 0.001) * dtSeconds / rampSeconds;
        outputKw = from + Math.max(-maxStep, Math.min(maxStep, wanted - from));
        return outputKw;
    }

    private void release(ResponseStatus why) {
        mode = null;
        status = why;
        outputKw = Double.NaN;
    }

    public boolean isActive() {
        return mode != null && startsInSeconds <= 0;
    }

    /** The control in force (its metric name), or "" when none. */
    public String activeControl() {
        return mode == null ? "" : mode.metric();
    }

    public String eventId() {
        return eventId;
    }

    /** The 2030.5-style status of the last command, or "" before any. */
    public String responseStatus() {
        return status == null ? "" : status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
