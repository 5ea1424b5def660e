package org.plurigrid.console.maplayers.layers;

/** Screen-space visibility tests, so layers skip what is off screen before spending any drawing on it. */
public final class Culling {

    private Culling() {
    }

    /** A point (with a symbol radius) intersects the viewport [0,w]×[0,h]. */
    public static boolean pointVisible(double x, double y, double radius, double w, double h) {
        return x + radius >= 0 && y + radius >= 0 && x - radius <= w && y - radius <= h;
    }

    /** A segment's bounding box intersects the viewport grown by {@code margin}. Conservative: may keep a few extra. */
    public static boolean segmentVisible(double x1, double y1, double x2, double y2, double margin, double w, double h) {
        return Math.max(x1, x2) >= -margin && Math.max(y1, y2) >= -margin
                && Math.min(x1, x2) <= w + margin && Math.min(y1, y2) <= h + margin;
    }

    /** Squared distance from point p to segment a-b, for picking lines. */
    public static double distanceToSegmentSquared(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return cx * cx + cy * cy;
    }
}
