package org.plurigrid.console.client.grid;

/**
 * Where a DER is drawn: models place DERs at their substation's bus, so the map spreads them deterministically on
 * a small disc (up to ~2.5 km) around the substation, the angle and radius derived from the DER's id. The same id
 * lands on the same spot on every run and every machine.
 */
public final class DerPlacement {

    /** Largest distance from the substation, in km. */
    public static final double MAX_RADIUS_KM = 2.5;

    private DerPlacement() {
    }

    /** The DER's drawn position, or null if the substation has none. */
    public static GeoPoint around(GeoPoint substation, String derId) {
        if (substation == null) {
            return null;
        }
        long h = mix(derId.hashCode());
        double angle = (h & 0xFFFF) / 65536.0 * 2 * Math.PI;
        // sqrt gives a uniform spread over the disc; keep a small hole so DERs do not hide the substation symbol.
        double r = MAX_RADIUS_KM * (0.15 + 0.85 * Math.sqrt(((h >>> 16) & 0xFFFF) / 65536.0));
        double dLat = r * Math.cos(angle) / 111.2;
        double dLon = r * Math.sin(angle) / (111.2 * Math.cos(Math.toRadians(substation.lat())));
        return new GeoPoint(substation.lat() + dLat, substation.lon() + dLon);
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
