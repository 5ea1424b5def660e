package org.plurigrid.console.client.config;

/**
 * Where the operator left the map: centre and zoom (Web-Mercator zoom levels). Restored at the next start so a
 * control room reopens on its own area, not on the whole country.
 */
public record MapCamera(double lat, double lon, double zoom) {

    public MapCamera {
        if (!(lat >= -85.06 && lat <= 85.06)) {
            throw new IllegalArgumentException("latitude must be within ±85.06° (Web Mercator), was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude must be within ±180°, was " + lon);
        }
        if (!(zoom >= 0 && zoom <= 22)) {
            throw new IllegalArgumentException("zoom must be within 0..22, was " + zoom);
        }
    }
}
