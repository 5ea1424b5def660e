package org.plurigrid.console.devnet.grid;

import org.plurigrid.console.client.grid.GeoPoint;

import java.util.Objects;

/**
 * One community grid of the demo supergrid: its Sparkplug group id, short name (edge-node prefix), co-op owner,
 * real centre, the IEEE case it is built from and the radius its substations are spread over.
 */
public record CommunityGrid(String groupId, String shortName, String name, String owner, GeoPoint centre,
                            IeeeCase source, double radiusKm) {

    /** The PowSyBl IEEE cases the demo uses (those with realistic voltage classes). */
    public enum IeeeCase { IEEE_14, IEEE_30, IEEE_118 }

    public CommunityGrid {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(source, "source");
        if (!(radiusKm > 0)) {
            throw new IllegalArgumentException("radius must be > 0 km, was " + radiusKm);
        }
    }
}
