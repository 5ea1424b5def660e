package org.plurigrid.console.client.telemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The latest area figures an EMS publishes ({@value SupergridSummary#AREA_LOAD_METRIC},
 * {@value SupergridSummary#AREA_GENERATION_METRIC}: node metrics, one EMS node per area), kept from the point store's
 * measurements so that the Overview can show the sum of the same figures the areas show. Thread-safe: the MQTT
 * thread writes, any thread reads.
 */
final class AreaTotals implements Consumer<Measurement> {

    /** Σ over areas in kW, and how many areas contributed (0: no area figure is known). */
    record Totals(double loadKw, double generationKw, int areas) {
    }

    private final Map<PointId, Measurement> load = new ConcurrentHashMap<>();
    private final Map<PointId, Measurement> generation = new ConcurrentHashMap<>();

    @Override
    public void accept(Measurement m) {
        PointId id = m.id();
        if (!id.device().isEmpty()) {
            return;
        }
        if (SupergridSummary.AREA_LOAD_METRIC.equals(id.metric())) {
            load.put(id, m);
        } else if (SupergridSummary.AREA_GENERATION_METRIC.equals(id.metric())) {
            generation.put(id, m);
        }
    }

    void clear() {
        load.clear();
        generation.clear();
    }

    /** Σ of the area figures whose quality is GOOD or STALE (as for the device totals). */
    Totals totals() {
        double loadMw = 0;
        int areas = 0;
        for (Measurement m : load.values()) {
            if (usable(m)) {
                loadMw += m.value();
                areas++;
            }
        }
        double generationMw = 0;
        for (Measurement m : generation.values()) {
            if (usable(m)) {
                generationMw += m.value();
            }
        }
        return new Totals(loadMw * 1000, generationMw * 1000, areas);
    }

    private static boolean usable(Measurement m) {
        return !Double.isNaN(m.value()) && m.quality() != Quality.BAD && m.quality() != Quality.COMMS_LOST;
    }
}
