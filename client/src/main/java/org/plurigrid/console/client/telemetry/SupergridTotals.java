package org.plurigrid.console.client.telemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The Overview's totals from a stream of measurements rather than a live point store: what replay shows, by the same
 * rule as {@link TelemetryService#summary()} ({@link DevicePower}, docs/telemetry-conventions.md): the areas' EMS
 * figures when any is known, else the device {@code ActivePower} sums; BAD and COMMS_LOST values do not count.
 * Thread-safe.
 */
public final class SupergridTotals implements Consumer<Measurement> {

    private final AreaTotals areas = new AreaTotals();
    private final Map<PointId, Measurement> power = new ConcurrentHashMap<>();
    private final Map<PointId, Boolean> points = new ConcurrentHashMap<>();

    @Override
    public void accept(Measurement m) {
        points.put(m.id(), Boolean.TRUE);
        areas.accept(m);
        if (!m.id().device().isEmpty() && "ActivePower".equals(m.id().metric())) {
            power.put(m.id(), m);
        }
    }

    /** Forgets everything (a replay seek starts from a fresh state). */
    public void clear() {
        points.clear();
        power.clear();
        areas.clear();
    }

    /** The totals now; nodes, message rate and decode errors are not part of a recording and read 0. */
    public SupergridSummary summary() {
        DevicePower sums = new DevicePower();
        for (Measurement m : power.values()) {
            DerType.fromDeviceId(m.id().device()).ifPresent(kind -> sums.add(kind, m.value(), m.quality()));
        }
        return sums.summary(areas.totals(), 0, points.size(), 0, 0);
    }
}
