package org.plurigrid.console.maplayers.layers;

/**
 * What the map draws at a zoom level (Web-Mercator zoom, 0 = whole world). Far out only the transmission
 * backbone and DER clusters; closer in every line, substation labels and flow arrows; at street level each DER.
 */
public record LevelOfDetail(double minBranchKv, double minSubstationKv, boolean substationLabels,
                            boolean flowArrows, boolean individualDers, boolean derClusters, double clusterCellPx) {

    public static final double INDIVIDUAL_DERS_FROM_ZOOM = 12.5;

    public static LevelOfDetail forZoom(double zoom) {
        if (zoom < 7) {
            return new LevelOfDetail(100, 100, false, false, false, true, 96);
        }
        if (zoom < 9) {
            return new LevelOfDetail(30, 30, false, true, false, true, 72);
        }
        if (zoom < 10.5) {
            return new LevelOfDetail(0, 0, false, true, false, true, 56);
        }
        if (zoom < INDIVIDUAL_DERS_FROM_ZOOM) {
            return new LevelOfDetail(0, 0, true, true, false, true, 48);
        }
        return new LevelOfDetail(0, 0, true, true, true, false, 0);
    }

    /** Line width in px for a branch's voltage, thicker for higher voltage and when zoomed in. */
    public static double branchWidth(double kv, double zoom) {
        double base = kv >= 300 ? 2.6 : kv >= 100 ? 1.8 : kv >= 30 ? 1.2 : 0.9;
        return base * (zoom >= 10 ? 1.35 : 1.0);
    }

    /** Substation symbol size in px by voltage class. */
    public static double substationSize(double kv, double zoom) {
        double base = kv >= 300 ? 8 : kv >= 100 ? 6.5 : kv >= 30 ? 5 : 4;
        return base * (zoom >= 10 ? 1.4 : zoom < 9 ? 0.6 : 1.0);
    }
}
