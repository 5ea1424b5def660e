package org.plurigrid.console.maplayers.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Convex hull (Andrew's monotone chain) of screen points: the outline drawn for a community grid's area. */
public final class ConvexHull {

    private ConvexHull() {
    }

    /** Hull vertices counter-clockwise (in y-up terms), without repeating the first; fewer than 3 points come back as is. */
    public static List<double[]> of(List<double[]> points) {
        double[][] p = points.toArray(new double[0][]);
        if (p.length < 3) {
            return List.of(p);
        }
        Arrays.sort(p, Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
        double[][] hull = new double[2 * p.length][];
        int k = 0;
        for (double[] pt : p) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], pt) <= 0) {
                k--;
            }
            hull[k++] = pt;
        }
        for (int i = p.length - 2, t = k + 1; i >= 0; i--) {
            while (k >= t && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) {
                k--;
            }
            hull[k++] = p[i];
        }
        List<double[]> out = new ArrayList<>(Arrays.asList(hull).subList(0, k - 1));
        return out;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
