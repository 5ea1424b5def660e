package org.plurigrid.console.client.telemetry;

/**
 * The supergrid at a glance, for the Overview tiles, computed per docs/telemetry-conventions.md. Where an EMS publishes
 * area figures ({@value #AREA_LOAD_METRIC}, {@value #AREA_GENERATION_METRIC}), load and generation are their sums over
 * the areas, so the Overview adds up to exactly what the areas show; without them, the sums of the device
 * {@code ActivePower} points. Only points whose quality is GOOD or STALE count.
 *
 * @param loadKw            Σ areas' load, else Σ load + Σ ev + Σ max(0, −bat) of the devices
 * @param generationKw      Σ areas' generation, else Σ pv + Σ wind + Σ max(0, bat) of the devices
 * @param renewableShare    (Σ pv + Σ wind of the devices) / load, 0..1 (capped at 1; 0 when nothing is known)
 * @param liveEdgeNodes     edge nodes born and not dead, over all brokers
 * @param points            distinct points known
 * @param messagesPerSecond MQTT messages per second, over all brokers
 * @param decodeErrors      rejected messages since start, all reasons
 */
public record SupergridSummary(double loadKw, double generationKw, double renewableShare, int liveEdgeNodes,
                               int points, double messagesPerSecond, long decodeErrors) {

    public static final SupergridSummary EMPTY = new SupergridSummary(0, 0, 0, 0, 0, 0, 0);
    /** Node metric of an area's EMS: the area's load (Σ of its substations), MW. */
    public static final String AREA_LOAD_METRIC = "Area/Load_MW";
    /** Node metric of an area's EMS: the area's generation (Σ of its substations), MW. */
    public static final String AREA_GENERATION_METRIC = "Area/Generation_MW";

    public SupergridSummary {
        if (Double.isNaN(renewableShare) || renewableShare < 0 || renewableShare > 1) {
            throw new IllegalArgumentException("renewable share must be within 0..1, got " + renewableShare);
        }
        if (liveEdgeNodes < 0 || points < 0 || decodeErrors < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** The renewable share rule of the conventions: capped at 100 %, and 0 without load or renewables. */
    public static double renewableShare(double renewableKw, double loadKw) {
        if (renewableKw <= 0) {
            return 0;
        }
        if (loadKw <= 0) {
            return 1;
        }
        return Math.min(1.0, renewableKw / loadKw);
    }
}
