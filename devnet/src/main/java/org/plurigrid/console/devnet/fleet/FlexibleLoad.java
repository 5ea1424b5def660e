package org.plurigrid.console.devnet.fleet;

import java.util.SplittableRandom;

/**
 * A consumer (a street of households, a business, a farm) with a daily profile by local solar time and noise; part of
 * its consumption could be curtailed for demand response.
 */
public final class FlexibleLoad extends SimulatedDevice {

    /** Whose habits the daily profile follows. */
    public enum Profile { HOUSEHOLDS, BUSINESS, FARM }

    private static final int FLEXIBILITY = 1;

    private final Profile profile;
    private final double flexibleShare;
    private final double phaseHours;
    private final MeanReverting drift;

    FlexibleLoad(String id, double capacityKw, Profile profile, SplittableRandom random) {
        super(id, DeviceType.LOAD, capacityKw, random);
        this.profile = profile;
        this.flexibleShare = switch (profile) {
            case HOUSEHOLDS -> uniform(random, 0.08, 0.22);
            case BUSINESS -> uniform(random, 0.15, 0.35);
            case FARM -> uniform(random, 0.2, 0.4);
        };
        this.phaseHours = uniform(random, -0.75, 0.75);
        this.drift = MeanReverting.stationary(0, 0.08, 15 * 60, random);
    }

    @Override
    void step(GridWeather weather, double dtSeconds) {
        drift.advance(dtSeconds, random);
        double hour = ((weather.solarHour() + phaseHours) % 24 + 24) % 24;
        double jitter = 0.02 * MeanReverting.gaussian(random);
        // Heat pumps and longer evenings: households and farms draw more in winter, businesses a little.
        double season = 1 + (profile == Profile.BUSINESS ? 0.06 : 0.18) * weather.heatingDemand();
        double power = capacity() * shape(profile, hour) * season * (1 + drift.value() + jitter);
        power = Math.max(0.02 * capacity(), Math.min(capacity(), power));
        values[ACTIVE_POWER] = power;
        values[FLEXIBILITY] = power * flexibleShare;
    }

    /** Fraction of capacity drawn at a local solar hour. */
    static double shape(Profile profile, double hour) {
        return switch (profile) {
            case HOUSEHOLDS -> 0.18 + 0.22 * bump(hour, 7.5, 1.2) + 0.12 * bump(hour, 13, 2.5)
                    + 0.55 * bump(hour, 18.8, 1.8);
            case BUSINESS -> 0.15 + 0.65 * smoothDay(hour, 8, 18);
            case FARM -> 0.25 + 0.35 * bump(hour, 6, 1.0) + 0.35 * bump(hour, 17, 1.2) + 0.1 * smoothDay(hour, 8, 16);
        };
    }

    private static double smoothDay(double hour, double start, double end) {
        double rise = 1 / (1 + Math.exp(-(hour - start) * 2.2));
        double fall = 1 / (1 + Math.exp((hour - end) * 2.2));
        return rise * fall;
    }

    public Profile profile() {
        return profile;
    }

    public double flexibilityKw() {
        return values[FLEXIBILITY];
    }

    @Override
    public double netImportKw() {
        return values[ACTIVE_POWER];
    }
}
