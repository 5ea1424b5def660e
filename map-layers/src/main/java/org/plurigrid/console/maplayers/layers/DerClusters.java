package org.plurigrid.console.maplayers.layers;

import org.plurigrid.console.client.grid.DerType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups DERs that fall in the same screen cell into one cluster (count per type, centroid), so thousands of
 * devices are a few dozen badges when zoomed out. Linear in the number of points.
 */
public final class DerClusters {

    /** One cluster on screen. */
    public record Cluster(double x, double y, int count, Map<DerType, Integer> byType, double capacityKw) {
        public Cluster {
            byType = Map.copyOf(byType);
        }

        public DerType dominantType() {
            return byType.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(DerType.PV);
        }
    }

    /** A DER projected to screen. */
    public record Projected(double x, double y, DerType type, double capacityKw) {
    }

    private DerClusters() {
    }

    public static List<Cluster> cluster(List<Projected> points, double cellPx, double w, double h) {
        if (cellPx <= 0) {
            throw new IllegalArgumentException("cell size must be > 0 px, was " + cellPx);
        }
        Map<Long, double[]> sums = new HashMap<>();
        Map<Long, Map<DerType, Integer>> types = new HashMap<>();
        for (Projected p : points) {
            if (!Culling.pointVisible(p.x(), p.y(), cellPx, w, h)) {
                continue;
            }
            long key = (((long) Math.floor(p.x() / cellPx)) << 32) ^ (Math.floor(p.y() / cellPx) < 0
                    ? ((long) Math.floor(p.y() / cellPx)) & 0xFFFFFFFFL : (long) Math.floor(p.y() / cellPx));
            double[] s = sums.computeIfAbsent(key, k -> new double[4]);
            s[0] += p.x();
            s[1] += p.y();
            s[2] += 1;
            s[3] += p.capacityKw();
            types.computeIfAbsent(key, k -> new EnumMap<>(DerType.class)).merge(p.type(), 1, Integer::sum);
        }
        List<Cluster> out = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> out.add(new Cluster(s[0] / s[2], s[1] / s[2], (int) s[2], types.get(k), s[3])));
        return out;
    }
}
