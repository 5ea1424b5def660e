package org.plurigrid.console.views.points;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.plurigrid.console.client.telemetry.Quality;

/** How point values, times and qualities read on screen; one place so every view says it the same way. */
public final class PointFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private PointFormat() {
    }

    /** Fixed decimals by magnitude so columns stay steady: 1234.5, 12.34, 0.987; NaN shows as "n/a", never blank. */
    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+∞" : "−∞";
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "%,.0f" : a >= 100 ? "%.1f" : a >= 1 || a == 0 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** Quality as operators read it; GOOD is spelled out too, so the cell is never blank. */
    public static String quality(Quality q) {
        return switch (q) {
            case GOOD -> "good";
            case STALE -> "STALE";
            case BAD -> "BAD";
            case COMMS_LOST -> "COMMS LOST";
        };
    }

    /** Source time in UTC with milliseconds. */
    public static String time(Instant t) {
        return Instant.EPOCH.equals(t) ? "—" : TIME.format(t);
    }
}
