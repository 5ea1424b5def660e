package org.plurigrid.console.devnet.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A substation of a community grid and the DER behind it: one Sparkplug edge node. Its active power is the net sum of
 * its devices (+ import); its busbar voltage sags with import and rises with export.
 */
public final class Substation {

    /** Node metrics after {@code bdSeq} and {@code Node Control/Rebirth}. */
    public static final List<MetricSpec> METRICS = List.of(
            MetricSpec.analog("Substation/ActivePower", "kW", 0.01),
            MetricSpec.analog("Substation/Voltage", "pu", 0.0001));
    public static final int ACTIVE_POWER = 0;
    public static final int VOLTAGE = 1;

    /** No-load busbar voltage: the transformer tap is set a little high to leave room for the sag. */
    private static final double NO_LOAD_VOLTAGE = 1.025;
    /** Voltage drop at rated import (transformer and feeder impedance). */
    private static final double DROP_AT_RATED = 0.055;

    private final CommunityGrid grid;
    private final String nodeId;
    private final List<SimulatedDevice> devices;
    private final List<SimulatedDevice> others = new ArrayList<>();
    private final List<Battery> batteries = new ArrayList<>();
    private final double ratingKw;
    private final SplittableRandom random;
    private final MeanReverting upstreamVoltage;
    private final double[] values = new double[METRICS.size()];

    Substation(CommunityGrid grid, String nodeId, List<SimulatedDevice> devices, SplittableRandom random) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.devices = List.copyOf(devices);
        this.random = random;
        double demand = 0;
        double generation = 0;
        for (SimulatedDevice d : this.devices) {
            if (d instanceof Battery b) {
                batteries.add(b);
            } else {
                others.add(d);
                switch (d.type()) {
                    case LOAD, EV -> demand += d.capacity();
                    default -> generation += d.capacity();
                }
            }
        }
        // Transformers are sized for the larger of peak demand (after diversity) and peak infeed.
        this.ratingKw = Math.max(10, Math.max(0.7 * demand, 0.9 * generation));
        this.upstreamVoltage = MeanReverting.stationary(0, 0.003, 600, random);
        values[VOLTAGE] = NO_LOAD_VOLTAGE;
    }

    void step(GridWeather weather, double dtSeconds) {
        double net = 0;
        for (SimulatedDevice d : others) {
            d.step(weather, dtSeconds);
            d.applyControl(dtSeconds);
            net += d.netImportKw();
        }
        net += dispatchBatteries(net, dtSeconds);
        upstreamVoltage.advance(dtSeconds, random);
        values[ACTIVE_POWER] = net;
        double voltage = NO_LOAD_VOLTAGE - DROP_AT_RATED * net / ratingKw + upstreamVoltage.value();
        values[VOLTAGE] = Math.max(0.85, Math.min(1.15, voltage));
    }

    /** Self-consumption: batteries cover import and soak up export, shared by what each can do. Returns their import. */
    private double dispatchBatteries(double netBeforeBatteries, double dtSeconds) {
        if (batteries.isEmpty()) {
            return 0;
        }
        boolean discharge = netBeforeBatteries > 0;
        double available = 0;
        double controlledImport = 0;
        List<Battery> free = new ArrayList<>(batteries.size());
        for (Battery b : batteries) {
            if (b.control().activeControl().isEmpty()) {
                free.add(b);
            } else {
                // Under a DER control the battery follows it (within its limits), not self-consumption.
                b.dispatch(b.control().apply(b.activePowerKw(), -b.chargeLimitKw(dtSeconds), b.dischargeLimitKw(dtSeconds),
                        b.maxPowerKw(), dtSeconds), dtSeconds);
                controlledImport += b.netImportKw();
            }
        }
        for (Battery b : free) {
            available += discharge ? b.dischargeLimitKw(dtSeconds) : b.chargeLimitKw(dtSeconds);
        }
        double wanted = Math.min(Math.abs(netBeforeBatteries), available);
        double batteryImport = controlledImport;
        for (Battery b : free) {
            double limit = discharge ? b.dischargeLimitKw(dtSeconds) : b.chargeLimitKw(dtSeconds);
            double share = available > 0 ? wanted * limit / available : 0;
            b.dispatch(discharge ? share : -share, dtSeconds);
            batteryImport += b.netImportKw();
        }
        return batteryImport;
    }

    public CommunityGrid grid() {
        return grid;
    }

    /** Sparkplug edge node id, e.g. {@code groningen-sub-03}. */
    public String nodeId() {
        return nodeId;
    }

    public List<SimulatedDevice> devices() {
        return devices;
    }

    /** Net power drawn from upstream, kW (+ import). */
    public double activePowerKw() {
        return values[ACTIVE_POWER];
    }

    /** Busbar voltage, pu. */
    public double voltagePu() {
        return values[VOLTAGE];
    }

    public double ratingKw() {
        return ratingKw;
    }

    /** Value of {@link #METRICS} entry {@code index}. */
    public double value(int index) {
        return values[index];
    }
}
