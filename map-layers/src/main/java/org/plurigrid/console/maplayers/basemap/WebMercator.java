package org.plurigrid.console.maplayers.basemap;

/** Web-Mercator (EPSG:3857) in "world units": the whole world is the unit square, y growing southwards. */
public final class WebMercator {

    /** Latitude limit of the square world. */
    public static final double MAX_LAT = 85.05112878;

    private WebMercator() {
    }

    public static double x(double lon) {
        return (lon + 180.0) / 360.0;
    }

    public static double y(double lat) {
        double phi = Math.toRadians(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)));
        return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
    }

    public static double lon(double x) {
        return x * 360.0 - 180.0;
    }

    public static double lat(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))));
    }

    /** Index of the tile containing a longitude at a zoom level. */
    public static long tileX(double lon, int zoom) {
        return (long) Math.floor(x(lon) * (1L << zoom));
    }

    /** Index of the tile containing a latitude at a zoom level. */
    public static long tileY(double lat, int zoom) {
        return (long) Math.floor(y(lat) * (1L << zoom));
    }
}
