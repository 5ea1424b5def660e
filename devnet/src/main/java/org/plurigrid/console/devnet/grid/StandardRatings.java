package org.plurigrid.console.devnet.grid;

/**
 * Standard equipment ratings a planner rounds up to: the IEC R10 preferred-number series (1, 1.25, 1.6, 2, 2.5,
 * 3.15, 4, 5, 6.3, 8 per decade), used both for rated currents of lines and switchgear (IEC 60059: …, 400, 500,
 * 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000 A) and for rated powers of transformers (IEC 60076: …, 40,
 * 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500 MVA).
 */
public final class StandardRatings {

    private static final double[] R10 = {1.0, 1.25, 1.6, 2.0, 2.5, 3.15, 4.0, 5.0, 6.3, 8.0};

    /** Smallest line rating (A) for a voltage class: a 100 kV+ circuit is never built below 400 A, a lower one below 200 A. */
    public static double minimumLineAmps(double kv) {
        return kv >= 100 ? 400 : 200;
    }

    /** Smallest transformer rating, MVA. */
    public static final double MINIMUM_TRANSFORMER_MVA = 10;

    private StandardRatings() {
    }

    /** The smallest R10 value at or above {@code value} (value &gt; 0). */
    public static double roundUp(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("rating must be positive and finite, was " + value);
        }
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        for (int k = 0; k < 2; k++, decade *= 10) {
            for (double m : R10) {
                double r = round(m * decade);
                if (r >= value * (1 - 1e-12)) {
                    return r;
                }
            }
        }
        throw new IllegalStateException("unreachable: " + value);
    }

    /** The largest R10 value strictly below {@code value} (value &gt; 0). */
    public static double stepBelow(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(roundUp(value))));
        for (int k = 0; k < 2; k++, decade /= 10) {
            for (int i = R10.length - 1; i >= 0; i--) {
                double r = round(R10[i] * decade);
                if (r < value * (1 - 1e-12)) {
                    return r;
                }
            }
        }
        throw new IllegalStateException("unreachable: " + value);
    }

    /** Kills binary noise such as 3.1500000000000004 so ratings print as the series does. */
    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
