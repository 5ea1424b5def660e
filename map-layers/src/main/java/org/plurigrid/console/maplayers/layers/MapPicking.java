package org.plurigrid.console.maplayers.layers;

import java.util.List;
import java.util.Optional;

/** What is under a point of the map, as the last frame drew it. */
final class MapPicking {

    /** A substation is picked within this many pixels of its centre. */
    static final double SUBSTATION_PX = 10;
    /** A line is picked within this many pixels of its chord. */
    static final double LINE_PX = 6;

    private MapPicking() {
    }

    /**
     * A substation first; then nothing when the point is on a drawn DER cluster's circle (what is under the pointer is
     * the cluster, not the line beside it); then the nearest line within a few pixels.
     *
     * @param clusters the DER clusters on screen (empty when DERs are drawn one by one or not at all)
     */
    static Optional<String> pick(GridGeometry geometry, FramePositions at, List<DerClusters.Cluster> clusters,
                                 double x, double y) {
        String best = null;
        double bestD = SUBSTATION_PX * SUBSTATION_PX;
        for (int i = 0; i < at.subDrawn.length; i++) {
            if (!at.subDrawn[i]) {
                continue;
            }
            double dx = at.subX[i] - x;
            double dy = at.subY[i] - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = geometry.substations[i].id();
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        if (onCluster(clusters, x, y)) {
            return Optional.empty();
        }
        bestD = LINE_PX * LINE_PX;
        for (int i = 0; i < at.branchDrawn.length; i++) {
            if (!at.branchDrawn[i]) {
                continue;
            }
            int first = geometry.branchOffset[i];
            int last = first + geometry.branchLon[i].length - 1;
            double d = Culling.distanceToSegmentSquared(x, y, at.px[first], at.py[first], at.px[last], at.py[last]);
            if (d <= bestD) {
                bestD = d;
                best = geometry.branchIds[i];
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether {@code (x, y)} lies on one of the DER cluster circles as drawn. */
    static boolean onCluster(List<DerClusters.Cluster> clusters, double x, double y) {
        for (DerClusters.Cluster c : clusters) {
            double r = DerPainter.clusterRadius(c) + 1;
            double dx = c.x() - x;
            double dy = c.y() - y;
            if (dx * dx + dy * dy <= r * r) {
                return true;
            }
        }
        return false;
    }
}
