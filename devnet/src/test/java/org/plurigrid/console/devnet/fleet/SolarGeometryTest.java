package org.plurigrid.console.devnet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SolarGeometryTest {

    private static final double UTRECHT_LAT = 52.091;
    private static final double UTRECHT_LON = 5.122;

    @Test
    void sunIsBelowTheHorizonAtMidnightInUtrecht() {
        double elevation = SolarGeometry.elevationDegrees(Instant.parse("2026-06-21T23:40:00Z"), UTRECHT_LAT, UTRECHT_LON);
        assertThat(elevation).isNegative();
        assertThat(SolarGeometry.clearSkyIrradiance(elevation)).isZero();
    }

    @Test
    void midsummerNoonElevationMatchesNinetyMinusLatitudePlusTilt() {
        // Solar noon in Utrecht is about 11:40 UTC; 90 - 52.09 + 23.44 = 61.35 degrees.
        double elevation = SolarGeometry.elevationDegrees(Instant.parse("2026-06-21T11:40:00Z"), UTRECHT_LAT, UTRECHT_LON);
        assertThat(elevation).isCloseTo(61.35, within(0.6));
        assertThat(SolarGeometry.clearSkyIrradiance(elevation)).isBetween(850.0, 1000.0);
    }

    @Test
    void winterNoonSunIsLow() {
        double elevation = SolarGeometry.elevationDegrees(Instant.parse("2026-12-21T11:50:00Z"), UTRECHT_LAT, UTRECHT_LON);
        assertThat(elevation).isCloseTo(90 - UTRECHT_LAT - 23.44, within(0.8));
    }

    @Test
    void offsetToSolarTimeMakesTheClockReadTheRequestedSolarTime() {
        Instant now = Instant.parse("2026-11-25T21:13:00Z");
        Duration offset = SolarGeometry.offsetToSolarTime(now, LocalTime.NOON, UTRECHT_LON);
        assertThat(offset.abs()).isLessThanOrEqualTo(Duration.ofHours(12));
        assertThat(SolarGeometry.solarTimeMinutes(now.plus(offset), UTRECHT_LON)).isCloseTo(720, within(0.01));
        double elevation = SolarGeometry.elevationDegrees(now.plus(offset), UTRECHT_LAT, UTRECHT_LON);
        assertThat(elevation).isPositive();
    }
}
