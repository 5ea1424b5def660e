package org.plurigrid.console.client.dr;

import java.util.List;

/**
 * The flexibility available now in a target, from live telemetry: curtailable load (the loads' Flexibility), deferrable
 * EV charging (what connected chargers draw), battery discharge and charge headroom (an estimated C/2 rating against
 * the state of charge), and curtailable PV (what it generates), kW. Also the target's net import now.
 */
public record Flexibility(String target, int devices, double importKw, double curtailableLoadKw, double deferrableEvKw,
                          double batteryDischargeKw, double batteryChargeKw, double curtailablePvKw) {

    /** Import reduction available now, kW. */
    public double reductionKw() {
        return curtailableLoadKw + deferrableEvKw + batteryDischargeKw;
    }

    /** Each device's share of import reduction (kW, for loads, EVs, batteries) or of export reduction (PV). */
    static double deviceReductionKw(DrDeviceTracker.DeviceReading r) {
        double p = Double.isNaN(r.activePowerKw()) ? 0 : r.activePowerKw();
        return switch (r.device().kind()) {
            case "load" -> Double.isNaN(r.flexibilityKw()) ? 0 : Math.max(0, Math.min(p, r.flexibilityKw()));
            case "ev" -> r.connected() ? Math.max(0, p) : 0;
            case "bat" -> Double.isNaN(r.capacity()) || Double.isNaN(r.stateOfCharge()) || r.stateOfCharge() <= 6 ? 0
                    : Math.max(0, 0.5 * r.capacity() - p);
            default -> 0;
        };
    }

    static Flexibility of(String target, List<DrDeviceTracker.DeviceReading> readings) {
        double imp = 0;
        double load = 0;
        double ev = 0;
        double dis = 0;
        double chg = 0;
        double pv = 0;
        for (DrDeviceTracker.DeviceReading r : readings) {
            if (!r.online()) {
                continue;
            }
            imp += Double.isNaN(r.importKw()) ? 0 : r.importKw();
            double red = deviceReductionKw(r);
            switch (r.device().kind()) {
                case "load" -> load += red;
                case "ev" -> ev += red;
                case "bat" -> {
                    dis += red;
                    chg += Double.isNaN(r.capacity()) || r.stateOfCharge() >= 99 ? 0 : Math.max(0, 0.5 * r.capacity() + r.activePowerKw());
                }
                case "pv", "wind" -> pv += Double.isNaN(r.activePowerKw()) ? 0 : Math.max(0, r.activePowerKw());
                default -> { }
            }
        }
        return new Flexibility(target, readings.size(), imp, load, ev, dis, chg, pv);
    }
}
