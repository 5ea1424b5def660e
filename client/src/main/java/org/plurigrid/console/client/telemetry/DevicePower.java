package org.plurigrid.console.client.telemetry;

/**
 * The conventions' sums of device {@code ActivePower} by DER kind (docs/telemetry-conventions.md), and the Overview's
 * figures made from them: the one rule that the live point store and replay's {@link SupergridTotals} both follow.
 * Load is flexible loads + EV charging + battery charging; generation is PV + wind + battery discharging; renewables
 * are PV + wind. A value counts unless it is NaN, BAD or COMMS_LOST. Not thread-safe: one sum per caller.
 */
final class DevicePower {

    private double load;
    private double ev;
    private double pv;
    private double wind;
    private double batteryDischarge;
    private double batteryCharge;

    /** Adds one device's {@code ActivePower} (kW; a battery's is positive when it discharges). */
    void add(DerType kind, double kw, Quality quality) {
        if (Double.isNaN(kw) || quality == Quality.BAD || quality == Quality.COMMS_LOST) {
            return;
        }
        switch (kind) {
            case FLEXIBLE_LOAD -> load += kw;
            case EV_CHARGER -> ev += kw;
            case PV -> pv += kw;
            case WIND -> wind += kw;
            case BATTERY -> {
                if (kw > 0) {
                    batteryDischarge += kw;
                } else {
                    batteryCharge -= kw;
                }
            }
        }
    }

    double loadKw() {
        return load + ev + batteryCharge;
    }

    double generationKw() {
        return pv + wind + batteryDischarge;
    }

    double renewableKw() {
        return pv + wind;
    }

    /**
     * The Overview's figures: load and generation are the areas' EMS figures when any area is known (so the Overview
     * equals the sum of the areas), else the devices'; the renewable share is the devices' renewables over that load.
     */
    SupergridSummary summary(AreaTotals.Totals areas, int liveEdgeNodes, int points, double messagesPerSecond,
                             long decodeErrors) {
        double loadKw = areas.areas() > 0 ? areas.loadKw() : loadKw();
        double generation = areas.areas() > 0 ? areas.generationKw() : generationKw();
        return new SupergridSummary(loadKw, generation, SupergridSummary.renewableShare(renewableKw(), loadKw),
                liveEdgeNodes, points, messagesPerSecond, decodeErrors);
    }
}
