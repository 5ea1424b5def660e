package org.plurigrid.console.devnet.fleet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The weather over one community grid: slowly drifting cloud cover and wind speed, plus the sun's elevation at the
 * grid's centre. All devices of the grid see the same weather; each adds its own local variation.
 */
final class GridWeather {

    private final CommunityGrid grid;
    private final SplittableRandom random;
    private final MeanReverting cloudiness;
    private final MeanReverting windSpeed;
    private double solarElevation;
    private double clearSkyIrradiance;
    private double solarHour;
    private double heatingDemand;

    GridWeather(CommunityGrid grid, SplittableRandom random) {
        this.grid = grid;
        this.random = random;
        // Cloudiness is a latent variable mapped to cover in [0, 1]; weather fronts take hours to pass.
        this.cloudiness = MeanReverting.stationary(0.0, 1.1, 3 * 3600, random);
        this.windSpeed = MeanReverting.stationary(grid.meanWindSpeed(), 2.6, 2 * 3600, random);
    }

    void advance(Instant simTime, double dtSeconds) {
        cloudiness.advance(dtSeconds, random);
        windSpeed.advance(dtSeconds, random);
        solarElevation = SolarGeometry.elevationDegrees(simTime, grid.latitude(), grid.longitude());
        clearSkyIrradiance = SolarGeometry.clearSkyIrradiance(solarElevation);
        solarHour = SolarGeometry.solarHour(simTime, grid.longitude());
        int dayOfYear = simTime.atZone(ZoneOffset.UTC).getDayOfYear();
        heatingDemand = Math.cos(2 * Math.PI * (dayOfYear - 20) / 365.25);
    }

    CommunityGrid grid() {
        return grid;
    }

    /** Fraction of the sky covered by cloud, 0..1. */
    double cloudCover() {
        return 1 / (1 + Math.exp(-1.6 * cloudiness.value()));
    }

    /** Global horizontal irradiance under the current cloud cover (Kasten–Czeplak), W/m². */
    double irradiance() {
        return clearSkyIrradiance * (1 - 0.75 * Math.pow(cloudCover(), 3.4));
    }

    /** Wind speed at hub height, m/s. */
    double windSpeed() {
        return Math.max(0, windSpeed.value());
    }

    double solarElevation() {
        return solarElevation;
    }

    /** Seasonal heating demand, +1 in the depth of winter (late January) to -1 at the height of summer. */
    double heatingDemand() {
        return heatingDemand;
    }

    /** Local solar hour of day, 0..24. */
    double solarHour() {
        return solarHour;
    }
}
