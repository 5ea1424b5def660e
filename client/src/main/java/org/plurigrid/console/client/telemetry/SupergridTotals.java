package org.plurigrid.console.client.telemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The Overview's totals from a stream of measurements rather than a live point store: what replay shows. Same rules
 * as {@link TelemetryService#summary()} (docs/telemetry-conventions.md): the areas' EMS figures when any is known,
 * else the device {@code ActivePower} sums; only GOOD or STALE values count. Thread-safe.
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
        double load = 0, ev = 0, pv = 0, wind = 0, batDischarge = 0, batCharge = 0;
        for (Measurement m : power.values()) {
            double v = m.value();
            if (Double.isNaN(v) || m.quality() == Quality.BAD || m.quality() == Quality.COMMS_LOST) {
                continue;
            }
            java.util.Optional<DerType> kind = DerType.fromDeviceId(m.id().device());
            if (kind.isEmpty()) {
                continue;
            }
            switch (kind.get()) {
                case FLEXIBLE_LOAD -> load += v;
                case EV_CHARGER -> ev += v;
                case PV -> pv += v;
                case WIND -> wind += v;
                case BATTERY -> {
                    if (v > 0) {
                        batDischarge += v;
                    } else {
                        batCharge -= v;
                    }
                }
            }
        }
        AreaTotals.Totals a = areas.totals();
        double deviceLoad = load + ev + batCharge;
        double loadKw = a.areas() > 0 ? a.loadKw() : deviceLoad;
        double generationKw = a.areas() > 0 ? a.generationKw() : pv + wind + batDischarge;
        return new SupergridSummary(loadKw, generationKw, SupergridSummary.renewableShare(pv + wind, loadKw), 0,
                points.size(), 0, 0);
    }
}
