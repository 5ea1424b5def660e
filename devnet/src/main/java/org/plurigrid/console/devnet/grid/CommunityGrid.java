package org.plurigrid.console.devnet.grid;

import org.plurigrid.console.client.grid.GeoPoint;

import java.util.Objects;

/**
 * One community grid of the demo supergrid: its Sparkplug group id, short name (edge-node prefix), co-op owner, real
 * centre (where its HV/MV substation stands), the medium voltage its feeders run at and the radius its substations are
 * spread over. See demo-supergrid.md next to {@link DemoSupergrid}.
 *
 * @param mvKv     nominal voltage of the grid's medium-voltage feeders, kV (10 or 20 in the Netherlands)
 * @param radiusKm how far from the centre its substations stand, km
 * @param spur     true when its last substation (clockwise) hangs on a single radial cable instead of a ring
 */
public record CommunityGrid(String groupId, String shortName, String name, String owner, GeoPoint centre,
                            double mvKv, double radiusKm, boolean spur) {

    public CommunityGrid {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(centre, "centre");
        if (!(mvKv > 0)) {
            throw new IllegalArgumentException("medium voltage must be > 0 kV, was " + mvKv);
        }
        if (!(radiusKm > 0)) {
            throw new IllegalArgumentException("radius must be > 0 km, was " + radiusKm);
        }
    }

    /** Id of the grid's HV/MV substation, e.g. {@code groningen-hv}. */
    public String hvSubstationId() {
        return shortName + "-hv";
    }
}
