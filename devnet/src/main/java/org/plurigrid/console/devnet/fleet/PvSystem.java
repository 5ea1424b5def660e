package org.plurigrid.console.devnet.fleet;

import java.util.SplittableRandom;

/** A solar PV system: output follows plane-of-array irradiance, with passing-cloud flicker of its own. */
public final class PvSystem extends SimulatedDevice {

    private static final int IRRADIANCE = 1;
    private static final double PERFORMANCE_RATIO = 0.86;

    /** Plane-of-array gain over horizontal irradiance from the panels' tilt and orientation. */
    private final double tiltGain;
    private final MeanReverting flicker;

    PvSystem(String id, double capacityKw, SplittableRandom random) {
        super(id, DeviceType.PV, capacityKw, random);
        this.tiltGain = uniform(random, 0.95, 1.18);
        this.flicker = MeanReverting.stationary(0, 1, 90, random);
    }

    @Override
    void step(GridWeather weather, double dtSeconds) {
        flicker.advance(dtSeconds, random);
        double cover = weather.cloudCover();
        // Broken cloud (cover near one half) makes the fastest local swings; clear or overcast skies are steady.
        double swing = 0.6 * cover * (1 - cover) * flicker.value();
        double irradiance = Math.max(0, weather.irradiance() * tiltGain * (1 + swing));
        double cellTemperature = 12 + 0.03 * irradiance;
        double temperatureDerate = 1 - 0.004 * (cellTemperature - 25);
        double power = capacity() * irradiance / 1000 * PERFORMANCE_RATIO * temperatureDerate;
        values[IRRADIANCE] = irradiance;
        values[ACTIVE_POWER] = Math.max(0, Math.min(capacity(), power));
    }

    public double irradiance() {
        return values[IRRADIANCE];
    }

    @Override
    public double netImportKw() {
        return -values[ACTIVE_POWER];
    }
}
