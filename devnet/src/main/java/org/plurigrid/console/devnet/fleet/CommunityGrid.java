package org.plurigrid.console.devnet.fleet;

import java.util.List;
import java.util.Objects;

/**
 * One community grid (energy co-op); a Sparkplug group of the devnet fleet. See docs/telemetry-conventions.md.
 *
 * @param id        Sparkplug group id, {@code cg-<short>}
 * @param name      display name
 * @param latitude  centre, degrees north
 * @param longitude centre, degrees east
 * @param owner     the co-op that runs it
 * @param meanWindSpeed long-run mean wind speed at hub height, m/s (coastal grids are windier)
 */
public record CommunityGrid(String id, String name, double latitude, double longitude, String owner,
                            double meanWindSpeed) {

    /** The six community grids of the devnet, in the Netherlands. */
    public static final List<CommunityGrid> DEVNET_GRIDS = List.of(
            new CommunityGrid("cg-groningen", "Groningen", 53.219, 6.567, "Noorderlicht Energie Coöperatie", 7.6),
            new CommunityGrid("cg-friesland", "Friesland", 53.164, 5.781, "Fryske Enerzjy Koöperaasje", 7.9),
            new CommunityGrid("cg-gelderland", "Gelderland", 51.985, 5.899, "Gelderse Stroom Coöperatie", 6.2),
            new CommunityGrid("cg-utrecht", "Utrecht", 52.091, 5.122, "Utrechtse Energie Coöperatie", 6.0),
            new CommunityGrid("cg-zeeland", "Zeeland", 51.499, 3.611, "Zeeuwse Zon en Wind", 8.3),
            new CommunityGrid("cg-brabant", "Brabant", 51.441, 5.470, "Brabantse Buurtstroom", 6.1));

    public CommunityGrid {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        if (!id.startsWith("cg-") || id.length() < 4) {
            throw new IllegalArgumentException("Community grid id must look like cg-<name>, was " + id);
        }
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("Bad coordinates for " + id + ": " + latitude + ", " + longitude);
        }
        if (!(meanWindSpeed >= 0)) {
            throw new IllegalArgumentException("Mean wind speed must be >= 0, was " + meanWindSpeed);
        }
    }

    /** The short name used in edge node ids, e.g. {@code groningen}. */
    public String shortName() {
        return id.substring(3);
    }

    /** Edge node id of this grid's substation number {@code n} (1-based), e.g. {@code groningen-sub-03}. */
    public String substationNodeId(int n) {
        return "%s-sub-%02d".formatted(shortName(), n);
    }
}
