package org.plurigrid.console.devnet.gridtelemetry;

import org.plurigrid.console.client.grid.DerType;
import org.plurigrid.console.client.grid.GridDer;

/**
 * The model's own daily profile for DERs the fleet does not simulate: a clear-sky bell for PV, a slow swing for
 * wind, morning/evening peaks for loads and EV chargers, idle batteries (PV 50 % of capacity at noon, wind about
 * 35 %, EV and loads 40–70 %). With the demo model every substation is a fleet node, so it only drives substations a
 * differently sized fleet does not cover; the rating planner samples it too.
 * Deterministic in (DER id, hour), so every run and every replay of the same time gives the same powers.
 */
public final class DerProfile {

    /** Power in kW (telemetry convention) of {@code der} at local solar {@code hour} (0–24). */
    public double powerKw(GridDer der, double hour) {
        double cap = der.capacityKw();
        return switch (der.type()) {
            case PV -> cap * 0.50 * Math.max(0, Math.sin(Math.PI * (hour - 6) / 12));
            case WIND -> cap * (0.35 + 0.10 * Math.sin(2 * Math.PI * hour / 24 + phase(der.id())));
            case BATTERY -> 0;
            case EV_CHARGER -> cap * (0.25 + 0.35 * bump(hour, 19, 2.5) + 0.2 * bump(hour, 9, 1.5));
            case FLEXIBLE_LOAD -> cap * (0.40 + 0.15 * bump(hour, 12, 4) + 0.15 * bump(hour, 19, 2));
        };
    }

    private static double phase(String id) {
        return (id.hashCode() & 0xFFFF) / 65536.0 * 2 * Math.PI;
    }

    private static double bump(double hour, double centre, double width) {
        double d = Math.abs(hour - centre);
        d = Math.min(d, 24 - d);
        return Math.exp(-0.5 * (d / width) * (d / width));
    }

    static boolean isGeneration(DerType t) {
        return t == DerType.PV || t == DerType.WIND || t == DerType.BATTERY;
    }
}
