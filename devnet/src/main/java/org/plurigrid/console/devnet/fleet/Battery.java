package org.plurigrid.console.devnet.fleet;

import java.util.SplittableRandom;

/**
 * A battery that its substation dispatches for self-consumption: it discharges to cover the substation's net import
 * and charges from its net export, within its power rating and state of charge.
 */
public final class Battery extends SimulatedDevice {

    private static final int STATE_OF_CHARGE = 1;
    /** Kept back for backup power; the self-consumption strategy never discharges below it. */
    static final double RESERVE_PERCENT = 5;
    private static final double EFFICIENCY = 0.95;

    private final double maxPowerKw;

    Battery(String id, double capacityKwh, SplittableRandom random) {
        super(id, DeviceType.BAT, capacityKwh, random);
        this.maxPowerKw = capacityKwh * uniform(random, 0.4, 0.6);
        values[STATE_OF_CHARGE] = uniform(random, 25, 85);
    }

    @Override
    void step(GridWeather weather, double dtSeconds) {
        // Dispatched by the substation, see dispatch().
    }

    /** Most it can discharge over the next {@code dtSeconds} without going below the reserve, kW. */
    double dischargeLimitKw(double dtSeconds) {
        double energy = (stateOfCharge() - RESERVE_PERCENT) / 100 * capacity() * EFFICIENCY;
        return Math.max(0, Math.min(maxPowerKw, dtSeconds > 0 ? energy * 3600 / dtSeconds : maxPowerKw));
    }

    /** Most it can take over the next {@code dtSeconds} without going above 100 %, kW. */
    double chargeLimitKw(double dtSeconds) {
        double room = (100 - stateOfCharge()) / 100 * capacity() / EFFICIENCY;
        return Math.max(0, Math.min(maxPowerKw, dtSeconds > 0 ? room * 3600 / dtSeconds : maxPowerKw));
    }

    /** Runs at {@code powerKw} (+ discharge, − charge) for {@code dtSeconds}, clamped to what it can do. */
    void dispatch(double powerKw, double dtSeconds) {
        double power = Math.max(-chargeLimitKw(dtSeconds), Math.min(dischargeLimitKw(dtSeconds), powerKw));
        double hours = dtSeconds / 3600;
        double storedKwh = power >= 0 ? -power * hours / EFFICIENCY : -power * hours * EFFICIENCY;
        double soc = stateOfCharge() + storedKwh / capacity() * 100;
        values[STATE_OF_CHARGE] = Math.max(0, Math.min(100, soc));
        values[ACTIVE_POWER] = power;
    }

    public double maxPowerKw() {
        return maxPowerKw;
    }

    /** State of charge, %. */
    public double stateOfCharge() {
        return values[STATE_OF_CHARGE];
    }

    @Override
    public double netImportKw() {
        return -values[ACTIVE_POWER];
    }
}
