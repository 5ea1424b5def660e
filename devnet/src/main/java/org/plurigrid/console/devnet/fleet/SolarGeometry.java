package org.plurigrid.console.devnet.fleet;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Where the sun stands: the NOAA low-precision solar position equations (good to a fraction of a degree, plenty for
 * a simulated fleet) and a clear-sky irradiance model.
 */
public final class SolarGeometry {

    private static final double MINUTES_PER_DAY = 24 * 60;

    private SolarGeometry() {
    }

    /** Solar elevation above the horizon in degrees (negative at night). */
    public static double elevationDegrees(Instant time, double latitude, double longitude) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        double hour = utc.getHour() + utc.getMinute() / 60.0 + (utc.getSecond() + utc.getNano() / 1e9) / 3600.0;
        double gamma = fractionalYear(utc.getDayOfYear(), hour, utc.toLocalDate().lengthOfYear());
        double declination = 0.006918 - 0.399912 * Math.cos(gamma) + 0.070257 * Math.sin(gamma)
                - 0.006758 * Math.cos(2 * gamma) + 0.000907 * Math.sin(2 * gamma)
                - 0.002697 * Math.cos(3 * gamma) + 0.00148 * Math.sin(3 * gamma);
        double trueSolarMinutes = hour * 60 + equationOfTimeMinutes(gamma) + 4 * longitude;
        double hourAngle = Math.toRadians(trueSolarMinutes / 4 - 180);
        double lat = Math.toRadians(latitude);
        double cosZenith = Math.sin(lat) * Math.sin(declination)
                + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
        return 90 - Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosZenith))));
    }

    /**
     * Global horizontal irradiance under a clear sky (Haurwitz), W/m²; zero when the sun is below the horizon.
     */
    public static double clearSkyIrradiance(double elevationDegrees) {
        if (elevationDegrees <= 0) {
            return 0;
        }
        double cosZenith = Math.sin(Math.toRadians(elevationDegrees));
        return 1098 * cosZenith * Math.exp(-0.057 / cosZenith);
    }

    /** Local apparent (true) solar time at a longitude, as minutes after solar midnight in [0, 1440). */
    public static double solarTimeMinutes(Instant time, double longitude) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        double hour = utc.getHour() + utc.getMinute() / 60.0 + (utc.getSecond() + utc.getNano() / 1e9) / 3600.0;
        double gamma = fractionalYear(utc.getDayOfYear(), hour, utc.toLocalDate().lengthOfYear());
        double minutes = hour * 60 + equationOfTimeMinutes(gamma) + 4 * longitude;
        return ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    }

    /** Local solar hour of day in [0, 24), the clock that daily load and charging habits follow. */
    public static double solarHour(Instant time, double longitude) {
        return solarTimeMinutes(time, longitude) / 60;
    }

    /**
     * The shift to add to {@code now} so that the local solar time at {@code longitude} reads {@code timeOfDay}.
     * The result lies within ±12 h, so the simulated date stays next to the real one.
     */
    public static Duration offsetToSolarTime(Instant now, LocalTime timeOfDay, double longitude) {
        double target = timeOfDay.toSecondOfDay() / 60.0;
        double first = wrapMinutes(target - solarTimeMinutes(now, longitude));
        // The equation of time moves a little over the shift itself; one correction step takes that out.
        Instant shifted = now.plusMillis(Math.round(first * 60_000));
        double correction = wrapMinutes(target - solarTimeMinutes(shifted, longitude));
        return Duration.ofMillis(Math.round((first + correction) * 60_000));
    }

    /** An angle of day in minutes, folded into [-720, 720). */
    private static double wrapMinutes(double minutes) {
        return ((minutes + MINUTES_PER_DAY / 2) % MINUTES_PER_DAY + MINUTES_PER_DAY) % MINUTES_PER_DAY
                - MINUTES_PER_DAY / 2;
    }

    private static double fractionalYear(int dayOfYear, double hour, int daysInYear) {
        return 2 * Math.PI / daysInYear * (dayOfYear - 1 + (hour - 12) / 24);
    }

    private static double equationOfTimeMinutes(double gamma) {
        return 229.18 * (0.000075 + 0.001868 * Math.cos(gamma) - 0.032077 * Math.sin(gamma)
                - 0.014615 * Math.cos(2 * gamma) - 0.040849 * Math.sin(2 * gamma));
    }
}
