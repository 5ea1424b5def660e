package org.plurigrid.console.maplayers.layers;

import java.util.Optional;
import javafx.geometry.Point2D;

/**
 * Where the last frame drew each element, in layer pixels: written by the painters, read by picking, the alarm rings
 * and the flow dashes. Valid until the next frame. Sized once per geometry.
 */
final class FramePositions {

    /** Every branch path point (see {@link GridGeometry#branchOffset}). */
    double[] px = new double[0];
    double[] py = new double[0];
    boolean[] branchDrawn = new boolean[0];
    double[] subX = new double[0];
    double[] subY = new double[0];
    boolean[] subDrawn = new boolean[0];
    double[] derX = new double[0];
    double[] derY = new double[0];

    void sizeFor(GridGeometry geometry) {
        px = new double[geometry.pathPoints];
        py = new double[geometry.pathPoints];
        branchDrawn = new boolean[geometry.branchIds.length];
        subX = new double[geometry.substations.length];
        subY = new double[geometry.substations.length];
        subDrawn = new boolean[geometry.substations.length];
        derX = new double[geometry.derLon.length];
        derY = new double[geometry.derLon.length];
    }

    /** Where a substation or branch (its midpoint) was drawn, if it was. */
    Optional<Point2D> screenPointOf(GridGeometry geometry, String id) {
        int s = geometry.substationIndex(id);
        if (s >= 0 && s < subDrawn.length && subDrawn[s]) {
            return Optional.of(new Point2D(subX[s], subY[s]));
        }
        int b = geometry.branchIndex(id);
        if (b >= 0 && b < branchDrawn.length && branchDrawn[b]) {
            int first = geometry.branchOffset[b];
            int last = first + geometry.branchLon[b].length - 1;
            return Optional.of(new Point2D((px[first] + px[last]) / 2, (py[first] + py[last]) / 2));
        }
        return Optional.empty();
    }
}
