package org.plurigrid.console.maplayers.layers;

/**
 * How loaded a branch is, as the map colours it: calm below 80 %, amber from 80 %, red from 90 %, magenta above
 * 100 % (overload). Unknown when there is no limit or no flow; stale when the data behind it is not fresh.
 */
public enum LoadingBand {
    CALM, AMBER, RED, OVERLOAD, UNKNOWN, STALE;

    public static final double AMBER_FROM = 80.0;
    public static final double RED_FROM = 90.0;
    public static final double OVERLOAD_ABOVE = 100.0;

    /** The band for a loading in percent of the permanent limit; {@code stale} wins over everything. */
    public static LoadingBand of(double loadingPercent, boolean stale) {
        if (stale) {
            return STALE;
        }
        if (Double.isNaN(loadingPercent) || loadingPercent < 0) {
            return UNKNOWN;
        }
        if (loadingPercent > OVERLOAD_ABOVE) {
            return OVERLOAD;
        }
        if (loadingPercent >= RED_FROM) {
            return RED;
        }
        if (loadingPercent >= AMBER_FROM) {
            return AMBER;
        }
        return CALM;
    }

    /** Whether the band is abnormal, i.e. earns saturated colour and a legend count. */
    public boolean abnormal() {
        return this == AMBER || this == RED || this == OVERLOAD;
    }
}
