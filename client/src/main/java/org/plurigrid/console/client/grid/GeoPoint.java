package org.plurigrid.console.client.grid;

/** A WGS84 position in degrees. */
public record GeoPoint(double lat, double lon) {
    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude must be within [-90, 90], was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude must be within [-180, 180], was " + lon);
        }
    }

    /** Great-circle distance in kilometres (haversine). */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
