package org.plurigrid.console.maplayers.layers;

import javafx.geometry.Point2D;

/**
 * One frame's Web-Mercator to layer-pixel transform: {@code x = ax·lon + bx}, {@code y = ay·mercY + by}. Taken from
 * two points the map projects, so the many projections of a frame are a few multiplications each instead of a call
 * into the map per element. A value: equal projections mean the same camera.
 */
record MapProjection(double ax, double bx, double ay, double by) {

    /** The two reference points, far enough apart for a precise transform anywhere over the Netherlands. */
    static final double LAT1 = 50;
    static final double LON1 = 3;
    static final double LAT2 = 54;
    static final double LON2 = 8;

    static final MapProjection NONE = new MapProjection(0, 0, 0, 0);

    /** From where the map drew ({@link #LAT1}, {@link #LON1}) and ({@link #LAT2}, {@link #LON2}). */
    static MapProjection from(Point2D p1, Point2D p2) {
        double ax = (p2.getX() - p1.getX()) / (LON2 - LON1);
        double bx = p1.getX() - ax * LON1;
        double ay = (p2.getY() - p1.getY()) / (GridGeometry.mercator(LAT2) - GridGeometry.mercator(LAT1));
        double by = p1.getY() - ay * GridGeometry.mercator(LAT1);
        return new MapProjection(ax, bx, ay, by);
    }

    double x(double lon) {
        return ax * lon + bx;
    }

    /** @param merc the Mercator y of a latitude ({@link GridGeometry#mercator}) */
    double y(double merc) {
        return ay * merc + by;
    }
}
