package org.plurigrid.console.devnet.gridtelemetry;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.plurigrid.console.client.grid.DerType;
import org.plurigrid.console.devnet.fleet.FleetSimulation;
import org.plurigrid.console.devnet.fleet.SimulatedDevice;
import org.plurigrid.console.devnet.fleet.Substation;

/**
 * The fleet's state at one step, reduced to what the grid model needs: per edge node (named like the model's
 * substation) the net import and the summed {@code ActivePower} of each DER type, in the telemetry sign convention.
 */
public record FleetReading(Map<String, SubstationReading> bySubstation) {

    /** One fleet substation: net import from upstream (kW, + import) and summed power per DER type (kW). */
    public record SubstationReading(double netImportKw, Map<DerType, Double> powerKw) {
        public SubstationReading {
            powerKw = Map.copyOf(powerKw);
        }

        public double powerKw(DerType type) {
            return powerKw.getOrDefault(type, 0.0);
        }
    }

    public FleetReading {
        bySubstation = Map.copyOf(Objects.requireNonNull(bySubstation, "bySubstation"));
    }

    public static FleetReading empty() {
        return new FleetReading(Map.of());
    }

    /** Reads the simulation; call it on the fleet's thread (see {@code Fleet.sample}). */
    public static FleetReading of(FleetSimulation simulation) {
        Map<String, SubstationReading> out = new HashMap<>();
        for (Substation s : simulation.substations()) {
            Map<DerType, Double> sums = new EnumMap<>(DerType.class);
            for (SimulatedDevice d : s.devices()) {
                sums.merge(derType(d), d.activePowerKw(), Double::sum);
            }
            out.put(s.nodeId(), new SubstationReading(s.activePowerKw(), sums));
        }
        return new FleetReading(out);
    }

    private static DerType derType(SimulatedDevice d) {
        return switch (d.type()) {
            case PV -> DerType.PV;
            case WIND -> DerType.WIND;
            case BAT -> DerType.BATTERY;
            case EV -> DerType.EV_CHARGER;
            case LOAD -> DerType.FLEXIBLE_LOAD;
        };
    }
}
