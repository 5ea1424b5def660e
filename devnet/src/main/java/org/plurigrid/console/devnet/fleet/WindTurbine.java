package org.plurigrid.console.devnet.fleet;

import java.util.SplittableRandom;

/** A community wind turbine: the grid's wind plus local gusts, through a cubic power curve with cut-out. */
public final class WindTurbine extends SimulatedDevice {

    static final double CUT_IN = 3.0;
    static final double RATED = 12.5;
    static final double CUT_OUT = 25.0;

    /** Site factor: hub height and exposure relative to the grid's reference wind. */
    private final double siteFactor;
    private final MeanReverting gust;

    WindTurbine(String id, double capacityKw, SplittableRandom random) {
        super(id, DeviceType.WIND, capacityKw, random);
        this.siteFactor = uniform(random, 0.9, 1.12);
        this.gust = MeanReverting.stationary(0, 0.9, 40, random);
    }

    @Override
    void step(GridWeather weather, double dtSeconds) {
        gust.advance(dtSeconds, random);
        double speed = Math.max(0, weather.windSpeed() * siteFactor + gust.value());
        values[ACTIVE_POWER] = capacity() * powerCurve(speed);
    }

    /** Fraction of rated power at a wind speed in m/s. */
    static double powerCurve(double speed) {
        if (speed < CUT_IN || speed >= CUT_OUT) {
            return 0;
        }
        if (speed >= RATED) {
            return 1;
        }
        double c3 = CUT_IN * CUT_IN * CUT_IN;
        return (speed * speed * speed - c3) / (RATED * RATED * RATED - c3);
    }

    @Override
    public double netImportKw() {
        return -values[ACTIVE_POWER];
    }
}
