package org.plurigrid.console.views.overview;

import java.util.HashMap;
import java.util.Map;

import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/**
 * Supergrid totals from device {@code ActivePower} points, per docs/telemetry-conventions.md: load = Σload + Σev +
 * Σmax(0, −bat); generation = Σpv + Σwind + Σmax(0, bat); renewable share = (Σpv + Σwind) / load, capped at 100 %.
 * Devices whose value cannot be trusted (BAD, COMMS_LOST) drop out of the sums; STALE values still count.
 * Not thread-safe: used on the FX thread by the overview's view-model.
 */
public final class SupergridTotals {

    /** What a device contributes, by the type prefix of its id. */
    enum Kind { PV, WIND, BATTERY, EV, LOAD }

    /** Totals in kW and percent. */
    public record Totals(double loadKw, double generationKw, double renewableSharePercent, int devices) {
        public static final Totals ZERO = new Totals(0, 0, 0, 0);
    }

    private record Contribution(Kind kind, double kw) {
    }

    private final Map<PointId, Contribution> byPoint = new HashMap<>();

    /** Takes one changed measurement; anything that is not a device's ActivePower is ignored. */
    public void apply(Measurement m) {
        PointId id = m.id();
        if (!"ActivePower".equals(id.metric()) || id.device().isEmpty()) {
            return;
        }
        Kind kind = kindOf(id.device());
        if (kind == null) {
            return;
        }
        boolean trusted = m.quality() == Quality.GOOD || m.quality() == Quality.STALE;
        if (trusted && Double.isFinite(m.value())) {
            byPoint.put(id, new Contribution(kind, m.value()));
        } else {
            byPoint.remove(id);
        }
    }

    /** Sums from scratch: a few thousand additions, exact (no drift from running deltas). */
    public Totals totals() {
        double pv = 0, wind = 0, load = 0, ev = 0, batDischarge = 0, batCharge = 0;
        for (Contribution c : byPoint.values()) {
            switch (c.kind()) {
                case PV -> pv += c.kw();
                case WIND -> wind += c.kw();
                case LOAD -> load += c.kw();
                case EV -> ev += c.kw();
                case BATTERY -> {
                    batDischarge += Math.max(0, c.kw());
                    batCharge += Math.max(0, -c.kw());
                }
            }
        }
        double totalLoad = load + ev + batCharge;
        double generation = pv + wind + batDischarge;
        double share = totalLoad <= 0 ? 0 : Math.min(100, 100 * (pv + wind) / totalLoad);
        return new Totals(totalLoad, generation, share, byPoint.size());
    }

    static Kind kindOf(String device) {
        int dash = device.indexOf('-');
        String type = dash < 0 ? device : device.substring(0, dash);
        return switch (type) {
            case "pv" -> Kind.PV;
            case "wind" -> Kind.WIND;
            case "bat" -> Kind.BATTERY;
            case "ev" -> Kind.EV;
            case "load" -> Kind.LOAD;
            default -> null;
        };
    }
}
