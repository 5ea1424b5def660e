package org.plurigrid.console.client.dr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flexibility available now in a target, from live telemetry: curtailable load (the loads' Flexibility), deferrable
 * EV charging (what connected chargers draw), battery discharge and charge headroom (an estimated C/2 rating against
 * the state of charge), curtailable PV (what it generates), and the import reduction of devices of other kinds that a
 * {@link FlexibilityProvider} estimates, kW. Where a provider knows a load, EV charger or battery, its estimate
 * replaces the console's in that device's column. Also the target's net import now.
 */
public record Flexibility(String target, int devices, double importKw, double curtailableLoadKw, double deferrableEvKw,
                          double batteryDischargeKw, double batteryChargeKw, double curtailablePvKw, double otherKw) {

    /** Without devices of other kinds. */
    public Flexibility(String target, int devices, double importKw, double curtailableLoadKw, double deferrableEvKw,
                       double batteryDischargeKw, double batteryChargeKw, double curtailablePvKw) {
        this(target, devices, importKw, curtailableLoadKw, deferrableEvKw, batteryDischargeKw, batteryChargeKw,
                curtailablePvKw, 0);
    }

    /** Import reduction available now, kW: the sum of the load, EV, battery discharge and other columns. */
    public double reductionKw() {
        return curtailableLoadKw + deferrableEvKw + batteryDischargeKw + otherKw;
    }

    /** Whether the console asks {@link FlexibilityProvider}s about a device of this kind (not of generators). */
    static boolean estimable(DerDevice d) {
        return !d.generator();
    }

    /**
     * Each device's import reduction available now, kW: a provider's estimate where one knows the device (the first in
     * the list that does; a value not finite or below zero counts as not knowing), the console's own otherwise.
     */
    static Map<DerDevice, Double> reductions(List<DrDeviceTracker.DeviceReading> readings,
                                             List<FlexibilityProvider> providers) {
        Map<DerDevice, Double> out = new HashMap<>();
        if (!providers.isEmpty()) {
            List<DrDeviceTracker.DeviceReading> asked = readings.stream().filter(r -> estimable(r.device())).toList();
            for (FlexibilityProvider p : providers) {
                Map<DerDevice, Double> estimates = p.estimates(asked);
                if (estimates == null) {
                    continue;
                }
                for (DrDeviceTracker.DeviceReading r : asked) {
                    Double kw = estimates.get(r.device());
                    if (kw != null && Double.isFinite(kw) && kw >= 0) {
                        out.putIfAbsent(r.device(), kw);
                    }
                }
            }
        }
        for (DrDeviceTracker.DeviceReading r : readings) {
            out.computeIfAbsent(r.device(), d -> deviceReductionKw(r));
        }
        return out;
    }

    /** Each device's share of import reduction (kW, for loads, EVs, batteries) or of export reduction (PV). */
    static double deviceReductionKw(DrDeviceTracker.DeviceReading r) {
        double p = Double.isNaN(r.activePowerKw()) ? 0 : r.activePowerKw();
        return switch (r.device().type().orElse(null)) {
            case FLEXIBLE_LOAD -> Double.isNaN(r.flexibilityKw()) ? 0 : Math.max(0, Math.min(p, r.flexibilityKw()));
            case EV_CHARGER -> r.connected() ? Math.max(0, p) : 0;
            case BATTERY -> Double.isNaN(r.capacity()) || Double.isNaN(r.stateOfCharge()) || r.stateOfCharge() <= 6 ? 0
                    : Math.max(0, 0.5 * r.capacity() - p);
            case PV, WIND -> 0; // generators curtail what they produce
            case null -> 0; // a kind the console has no rule for: only a provider knows
        };
    }

    static Flexibility of(String target, List<DrDeviceTracker.DeviceReading> readings) {
        return of(target, readings, reductions(readings, List.of()));
    }

    static Flexibility of(String target, List<DrDeviceTracker.DeviceReading> readings, Map<DerDevice, Double> reductions) {
        double imp = 0;
        double other = 0;
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
            double red = reductions.getOrDefault(r.device(), 0.0);
            switch (r.device().type().orElse(null)) {
                case FLEXIBLE_LOAD -> load += red;
                case EV_CHARGER -> ev += red;
                case BATTERY -> {
                    dis += red;
                    chg += Double.isNaN(r.capacity()) || r.stateOfCharge() >= 99 ? 0 : Math.max(0, 0.5 * r.capacity() + r.activePowerKw());
                }
                case PV, WIND -> pv += Double.isNaN(r.activePowerKw()) ? 0 : Math.max(0, r.activePowerKw());
                case null -> other += red;
            }
        }
        return new Flexibility(target, readings.size(), imp, load, ev, dis, chg, pv, other);
    }
}
