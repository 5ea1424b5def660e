package org.plurigrid.console.maplayers.layers;

import org.plurigrid.console.client.telemetry.DerType;
import org.plurigrid.console.client.grid.GeoPoint;
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSubstation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a grid picture that live telemetry never changes — positions, paths, voltage classes, draw order, area
 * outlines — in flat arrays of longitude and Web-Mercator y, built once per model and reused by every frame. A frame
 * then projects each point with two multiply-adds ({@code x = ax·lon + bx}, {@code y = ay·mercY + by}) instead of
 * allocating, sorting and hashing per element.
 * <p>
 * Area outlines are convex hulls taken in (lon, mercY) space: the projection is an axis-aligned scale and shift, which
 * maps a convex hull onto the convex hull of the projected points, so the hull need not be recomputed per frame.
 */
final class GridGeometry {

    /** Substations in draw order: lowest voltage first, then by id (the higher voltage ends up on top). */
    final GridSubstation[] substations;
    final double[] subLon;
    final double[] subMerc;
    final String[] branchIds;
    /** Per branch (snapshot order): its path in lon / mercY, null without a path. */
    final double[][] branchLon;
    final double[][] branchMerc;
    /** Where each branch's projected points start in the frame's flat coordinate buffer. */
    final int[] branchOffset;
    final int pathPoints;
    final double[] derLon;
    final double[] derMerc;
    final DerType[] derType;
    final double[] derCapacityKw;
    /** Per area (snapshot order): hull vertices in lon / mercY (fewer than 3 means nothing to draw). */
    final double[][] hullLon;
    final double[][] hullMerc;
    private final Map<String, Integer> substationIndex = new HashMap<>();
    private final Map<String, Integer> branchIndex = new HashMap<>();

    // identity of what this geometry was built from: records are immutable, so the same objects mean the same shape
    private final String networkId;
    private final GeoPoint[] subPositions;
    private final List<?>[] branchPaths;
    private final GeoPoint[] derPositions;
    private final List<GridArea> areas;

    GridGeometry(GridSnapshot s) {
        networkId = s.networkId();
        areas = s.areas();
        List<GridSubstation> ordered = new ArrayList<>(s.substations());
        ordered.sort(Comparator.comparingDouble(GridSubstation::nominalKv).thenComparing(GridSubstation::id));
        substations = ordered.toArray(GridSubstation[]::new);
        subLon = new double[substations.length];
        subMerc = new double[substations.length];
        for (int i = 0; i < substations.length; i++) {
            GeoPoint p = substations[i].position();
            subLon[i] = p == null ? Double.NaN : p.lon();
            subMerc[i] = p == null ? Double.NaN : mercator(p.lat());
            substationIndex.put(substations[i].id(), i);
        }
        subPositions = s.substations().stream().map(GridSubstation::position).toArray(GeoPoint[]::new);

        List<GridBranch> branches = s.branches();
        int n = branches.size();
        branchIds = new String[n];
        branchLon = new double[n][];
        branchMerc = new double[n][];
        branchOffset = new int[n];
        branchPaths = new List<?>[n];
        int points = 0;
        for (int i = 0; i < n; i++) {
            GridBranch b = branches.get(i);
            branchIds[i] = b.id();
            branchPaths[i] = b.path();
            branchIndex.put(b.id(), i);
            branchOffset[i] = points;
            if (b.hasPath()) {
                int k = b.path().size();
                branchLon[i] = new double[k];
                branchMerc[i] = new double[k];
                for (int j = 0; j < k; j++) {
                    branchLon[i][j] = b.path().get(j).lon();
                    branchMerc[i][j] = mercator(b.path().get(j).lat());
                }
                points += k;
            }
        }
        pathPoints = points;

        List<GridDer> ders = s.ders();
        derLon = new double[ders.size()];
        derMerc = new double[ders.size()];
        derType = new DerType[ders.size()];
        derCapacityKw = new double[ders.size()];
        derPositions = new GeoPoint[ders.size()];
        for (int i = 0; i < ders.size(); i++) {
            GridDer d = ders.get(i);
            derPositions[i] = d.position();
            derLon[i] = d.position() == null ? Double.NaN : d.position().lon();
            derMerc[i] = d.position() == null ? Double.NaN : mercator(d.position().lat());
            derType[i] = d.type();
            derCapacityKw[i] = d.capacityKw();
        }

        hullLon = new double[areas.size()][];
        hullMerc = new double[areas.size()][];
        Map<String, List<double[]>> byArea = new HashMap<>();
        for (int i = 0; i < substations.length; i++) {
            if (substations[i].areaId() != null && !Double.isNaN(subLon[i])) {
                byArea.computeIfAbsent(substations[i].areaId(), k -> new ArrayList<>())
                        .add(new double[]{subLon[i], subMerc[i]});
            }
        }
        for (int a = 0; a < areas.size(); a++) {
            List<double[]> hull = ConvexHull.of(byArea.getOrDefault(areas.get(a).id(), List.of()));
            hullLon[a] = hull.stream().mapToDouble(p -> p[0]).toArray();
            hullMerc[a] = hull.stream().mapToDouble(p -> p[1]).toArray();
        }
    }

    /** Whether {@code s} has exactly the shape this was built from (same model, same position and path objects). */
    boolean matches(GridSnapshot s) {
        if (!s.networkId().equals(networkId) || s.areas() != areas && !s.areas().equals(areas)
                || s.substations().size() != subPositions.length || s.branches().size() != branchPaths.length
                || s.ders().size() != derPositions.length) {
            return false;
        }
        List<GridSubstation> subs = s.substations();
        for (int i = 0; i < subPositions.length; i++) {
            if (subs.get(i).position() != subPositions[i]) {
                return false;
            }
        }
        List<GridBranch> branches = s.branches();
        for (int i = 0; i < branchPaths.length; i++) {
            if (branches.get(i).path() != branchPaths[i] || !branches.get(i).id().equals(branchIds[i])) {
                return false;
            }
        }
        List<GridDer> ders = s.ders();
        for (int i = 0; i < derPositions.length; i++) {
            if (ders.get(i).position() != derPositions[i]) {
                return false;
            }
        }
        return true;
    }

    /** Index of a substation in {@link #substations}, or -1. */
    int substationIndex(String id) {
        Integer i = substationIndex.get(id);
        return i == null ? -1 : i;
    }

    /** Index of a branch in the snapshot's branch list, or -1. */
    int branchIndex(String id) {
        Integer i = branchIndex.get(id);
        return i == null ? -1 : i;
    }

    static double mercator(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    }
}
