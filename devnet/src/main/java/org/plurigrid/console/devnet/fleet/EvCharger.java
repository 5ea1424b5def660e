package org.plurigrid.console.devnet.fleet;

import java.util.SplittableRandom;

/**
 * An EV charge point. Vehicles arrive at a rate that follows the site's daily habit, charge the energy they need at
 * the point's power (tapering near the end) and leave after their dwell time.
 */
public final class EvCharger extends SimulatedDevice {

    /** Where the charge point stands, which sets arrival times, dwell and energy. */
    public enum Site { HOME, WORK, FAST }

    private static final int CONNECTED = 1;

    private final Site site;
    private boolean initialised;
    private double energyToDeliverKwh;
    private double secondsUntilDeparture;

    EvCharger(String id, double ratedKw, Site site, SplittableRandom random) {
        super(id, DeviceType.EV, ratedKw, random);
        this.site = site;
    }

    @Override
    void step(GridWeather weather, double dtSeconds) {
        double hour = weather.solarHour();
        if (!initialised) {
            initialised = true;
            if (random.nextDouble() < occupancy(site, hour)) {
                arrive();
                // Part-way through a session already: some energy delivered, some dwell gone.
                energyToDeliverKwh *= random.nextDouble();
                secondsUntilDeparture *= random.nextDouble();
            }
        }
        if (isConnected()) {
            secondsUntilDeparture -= dtSeconds;
            if (secondsUntilDeparture <= 0) {
                depart();
            }
        } else if (dtSeconds > 0 && random.nextDouble() < 1 - Math.exp(-arrivalsPerHour(site, hour) * dtSeconds / 3600)) {
            arrive();
        }
        double power = 0;
        if (isConnected() && energyToDeliverKwh > 0) {
            // Constant power, then a taper over the last quarter hour's worth of energy (the battery nears full).
            double taper = Math.min(1, Math.max(0.25, energyToDeliverKwh / (capacity() * 0.25)));
            power = capacity() * taper * (0.97 + 0.03 * random.nextDouble());
            energyToDeliverKwh = Math.max(0, energyToDeliverKwh - power * dtSeconds / 3600);
        }
        values[ACTIVE_POWER] = power;
    }

    private void arrive() {
        values[CONNECTED] = 1;
        switch (site) {
            case HOME -> {
                energyToDeliverKwh = uniform(random, 4, 40);
                secondsUntilDeparture = uniform(random, 8, 14) * 3600;
            }
            case WORK -> {
                energyToDeliverKwh = uniform(random, 5, 30);
                secondsUntilDeparture = uniform(random, 5, 9) * 3600;
            }
            case FAST -> {
                energyToDeliverKwh = uniform(random, 12, 45);
                secondsUntilDeparture = uniform(random, 0.4, 1.0) * 3600;
            }
        }
    }

    private void depart() {
        values[CONNECTED] = 0;
        energyToDeliverKwh = 0;
        secondsUntilDeparture = 0;
    }

    /** Expected arrivals per hour at an empty charge point. */
    static double arrivalsPerHour(Site site, double hour) {
        return switch (site) {
            case HOME -> 0.02 + 0.45 * bump(hour, 18.5, 1.6);
            case WORK -> 0.01 + 0.6 * bump(hour, 8.3, 0.9);
            case FAST -> 0.08 + 0.5 * bump(hour, 12.5, 4.0);
        };
    }

    /** Chance a charge point is occupied at an hour, used to start a fleet mid-day in a believable state. */
    static double occupancy(Site site, double hour) {
        return switch (site) {
            case HOME -> 0.15 + 0.55 * Math.max(bump(hour, 22, 4), bump(hour, 2, 3));
            case WORK -> 0.05 + 0.7 * bump(hour, 12.5, 3);
            case FAST -> 0.1 + 0.2 * bump(hour, 12.5, 4);
        };
    }

    public Site site() {
        return site;
    }

    public boolean isConnected() {
        return values[CONNECTED] != 0;
    }

    @Override
    public double netImportKw() {
        return values[ACTIVE_POWER];
    }
}
