package org.plurigrid.console.devnet.gridtelemetry;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.plurigrid.console.client.grid.DerType;
import org.plurigrid.console.devnet.fleet.FleetSimulation;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import org.plurigrid.console.devnet.fleet.SimulatedDevice;
import org.plurigrid.console.devnet.fleet.Substation;

/**
 * The fleet's state at one step, reduced to what the grid model needs: per edge node (named like the model's
 * substation) the net import, the summed {@code ActivePower} of each DER type and each device's {@code ActivePower}
 * (by device id), in the telemetry sign convention.
 */
public record FleetReading(Map<String, SubstationReading> bySubstation) {

    /**
     * One fleet substation: net import from upstream (kW, + import), summed power per DER type (kW) and the power of
     * each device by its device id (kW; empty when only the sums are known).
     */
    public record SubstationReading(double netImportKw, Map<DerType, Double> powerKw, Map<String, Double> deviceKw) {
        public SubstationReading {
            powerKw = Map.copyOf(powerKw);
            deviceKw = Map.copyOf(deviceKw);
        }

        public SubstationReading(double netImportKw, Map<DerType, Double> powerKw) {
            this(netImportKw, powerKw, Map.of());
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
            Map<String, Double> devices = new HashMap<>(s.devices().size() * 2);
            for (SimulatedDevice d : s.devices()) {
                sums.merge(DemoSupergrid.derType(d.type()), d.activePowerKw(), Double::sum);
                devices.put(d.id(), d.activePowerKw());
            }
            out.put(s.nodeId(), new SubstationReading(s.activePowerKw(), sums, devices));
        }
        return new FleetReading(out);
    }
}
