package org.plurigrid.console.devnet.fleet;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One simulated DER. Holds its current metric values in {@link DeviceType#metrics()} order; {@code ActivePower} is
 * always the first. Each device owns its random stream, so a fleet built from one seed evolves identically every run.
 */
public abstract sealed class SimulatedDevice permits PvSystem, WindTurbine, FlexibleLoad, EvCharger, Battery {

    static final int ACTIVE_POWER = 0;

    private final String id;
    private final DeviceType type;
    private final double capacity;
    final SplittableRandom random;
    final double[] values;
    private final DerControl control = new DerControl();

    SimulatedDevice(String id, DeviceType type, double capacity, SplittableRandom random) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        if (!(capacity > 0)) {
            throw new IllegalArgumentException("Capacity of " + id + " must be > 0, was " + capacity);
        }
        this.capacity = capacity;
        this.random = random;
        this.values = new double[type.metrics().size()];
        values[type.metrics().size() - 1] = capacity;
    }

    /** Advances the device by {@code dtSeconds} (0 on the first step) under its grid's weather. */
    abstract void step(GridWeather weather, double dtSeconds);

    public String id() {
        return id;
    }

    public DeviceType type() {
        return type;
    }

    /** Its DER control (DCMD in, acknowledgement out). */
    public DerControl control() {
        return control;
    }

    /**
     * Lets an active DER control override this step's power: generators can only be curtailed (0 … what the weather
     * gives), loads run between 0 and their rating (an EV only while connected). Batteries are controlled by their
     * substation's dispatch instead.
     */
    void applyControl(double dtSeconds) {
        double natural = values[ACTIVE_POWER];
        double max = switch (type) {
            case PV, WIND -> Math.max(0, natural);
            case EV -> this instanceof EvCharger ev && ev.isConnected() ? capacity : 0;
            default -> Math.max(natural, capacity);
        };
        values[ACTIVE_POWER] = control.apply(natural, 0, max, capacity, dtSeconds);
    }

    /** Nameplate: kW, or kWh for a battery. */
    public double capacity() {
        return capacity;
    }

    /** {@code ActivePower} in the device's own sign convention (see docs/telemetry-conventions.md), kW. */
    public double activePowerKw() {
        return values[ACTIVE_POWER];
    }

    /** What this device adds to its substation's import from upstream, kW (generation counts negative). */
    public abstract double netImportKw();

    /** The current value of metric {@code index} of {@link DeviceType#metrics()}; booleans are 0 or 1. */
    public double value(int index) {
        return values[index];
    }

    static double uniform(SplittableRandom random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** A bell around {@code centre} (hours) on the 24 h circle. */
    static double bump(double hour, double centre, double width) {
        double d = Math.abs(hour - centre);
        d = Math.min(d, 24 - d);
        return Math.exp(-0.5 * (d / width) * (d / width));
    }
}
