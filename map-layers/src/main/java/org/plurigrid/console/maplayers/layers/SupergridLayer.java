package org.plurigrid.console.maplayers.layers;

import com.gluonhq.maps.MapLayer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.plurigrid.console.client.grid.DerType;
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
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * The whole supergrid drawn on one Canvas inside a Gluon {@link MapLayer}: community-grid areas, lines and
 * interconnectors coloured by loading with moving flow dashes, DERs (clustered when zoomed out), substations by
 * voltage class, labels, and the selection. One node for thousands of elements; everything off screen is culled
 * and the level of detail follows the zoom ({@link LevelOfDetail}).
 */
public final class SupergridLayer extends MapLayer {

    private final Canvas canvas = new Canvas();
    private final DoubleSupplier zoom;
    private GridSnapshot snapshot;
    private LayerVisibility visibility = LayerVisibility.all();
    private Predicate<String> stale = id -> false;
    private String selectedId;
    private double flowPhase;
    private Runnable onLayout = () -> { };
    private Map<String, Integer> alarms = Map.of();
    private String outagedId;
    private java.util.Set<String> contingencyOverloads = java.util.Set.of();

    /** Web-Mercator to layer pixels for this frame: x = ax·lon + bx, y = ay·merc(lat) + by (see {@link #redraw}). */
    private double ax;
    private double bx;
    private double ay;
    private double by;
    /** DER clusters depend only on positions and the camera, not on live values: reused while neither changes. */
    private List<DerClusters.Cluster> clusterCache = List.of();
    private List<Object> clusterKey = List.of();

    /** Above this many lines on screen the moving flow dashes are left out: they cannot be told apart anyway. */
    static final int MAX_ANIMATED_BRANCHES = 2500;
    /** Above this many substations their symbols are filled as batched paths. */
    static final int DENSE_SUBSTATIONS = 2000;

    // screen positions of the last frame, for picking
    private final List<Object[]> pickSubstations = new ArrayList<>();
    private final List<Object[]> pickBranches = new ArrayList<>();
    private int drawnElements;

    /**
     * @param zoom the map's current zoom (the layer cannot read it from Gluon's public API)
     */
    public SupergridLayer(DoubleSupplier zoom) {
        this.zoom = zoom;
        canvas.setMouseTransparent(true);
        getChildren().add(canvas);
    }

    public void setSnapshot(GridSnapshot snapshot) {
        this.snapshot = snapshot;
        markDirty();
    }

    public void setVisibility(LayerVisibility visibility) {
        this.visibility = visibility;
        markDirty();
    }

    /** Which asset ids to grey out as stale or of bad quality. */
    public void setStaleTest(Predicate<String> stale) {
        this.stale = stale;
        markDirty();
    }

    public void setSelectedId(String id) {
        this.selectedId = id;
        markDirty();
    }

    /** Active alarms by asset id, priority 1 (critical) to 4 (low); drawn as pulsing rings with the priority shape. */
    public void setAlarms(Map<String, Integer> priorityById) {
        this.alarms = Map.copyOf(priorityById);
        markDirty();
    }

    /** Shows an N-1 outcome: the outaged branch crossed out, the branches it would overload haloed; null clears. */
    public void setContingency(String outagedBranchId, java.util.Set<String> overloadedIds) {
        this.outagedId = outagedBranchId;
        this.contingencyOverloads = overloadedIds == null ? java.util.Set.of() : java.util.Set.copyOf(overloadedIds);
        markDirty();
    }

    /** Advances the flow-direction animation; phase in px along the line. */
    public void setFlowPhase(double phase) {
        this.flowPhase = phase;
        redraw();
    }

    /** Called after each layout (pan, zoom, resize), e.g. to remember the camera. */
    public void setOnLayout(Runnable onLayout) {
        this.onLayout = onLayout;
    }

    /** Elements drawn in the last frame (after culling and level of detail), for diagnostics and tests. */
    public int drawnElements() {
        return drawnElements;
    }

    @Override
    protected void layoutLayer() {
        redraw();
        onLayout.run();
    }

    /** Where a substation or branch (its midpoint) was drawn in the last frame, in layer coordinates. */
    public Optional<Point2D> screenPointOf(String id) {
        for (Object[] s : pickSubstations) {
            if (s[0].equals(id)) {
                return Optional.of(new Point2D((double) s[1], (double) s[2]));
            }
        }
        for (Object[] b : pickBranches) {
            if (b[0].equals(id)) {
                return Optional.of(new Point2D(((double) b[1] + (double) b[3]) / 2, ((double) b[2] + (double) b[4]) / 2));
            }
        }
        return Optional.empty();
    }

    /** The asset under a point of the map (substation first, then the nearest line within a few pixels). */
    public Optional<String> pick(double x, double y) {
        String best = null;
        double bestD = 10 * 10;
        for (Object[] s : pickSubstations) {
            double dx = (double) s[1] - x;
            double dy = (double) s[2] - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = (String) s[0];
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        bestD = 6 * 6;
        for (Object[] b : pickBranches) {
            double d = Culling.distanceToSegmentSquared(x, y, (double) b[1], (double) b[2], (double) b[3], (double) b[4]);
            if (d <= bestD) {
                bestD = d;
                best = (String) b[0];
            }
        }
        return Optional.ofNullable(best);
    }

    private void redraw() {
        Node parent = getParent();
        double w = parent instanceof Region r ? r.getWidth() : 0;
        double h = parent instanceof Region r ? r.getHeight() : 0;
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        pickSubstations.clear();
        pickBranches.clear();
        drawnElements = 0;
        if (snapshot == null || w <= 0 || h <= 0 || baseMap == null) {
            return;
        }
        updateProjection();
        double z = zoom.getAsDouble();
        LevelOfDetail lod = LevelOfDetail.forZoom(z);
        Map<String, GridSubstation> subs = snapshot.substationsById();
        Map<String, Point2D> screen = new HashMap<>();
        for (GridSubstation s : subs.values()) {
            if (s.hasPosition()) {
                screen.put(s.id(), project(s.position()));
            }
        }
        if (visibility.areas()) {
            drawAreas(g, screen);
        }
        if (visibility.lines()) {
            drawBranches(g, z, lod, w, h);
        }
        if (visibility.ders()) {
            drawDers(g, lod, w, h);
        }
        if (visibility.substations()) {
            drawSubstations(g, subs, screen, z, lod, w, h);
        }
        drawAlarms(g, w, h);
    }

    /** Alarm priority told three ways (STYLE.md): colour, shape and number, with a ring pulsing around the asset. */
    private void drawAlarms(GraphicsContext g, double w, double h) {
        if (alarms.isEmpty()) {
            return;
        }
        Font font = Font.font("System", FontWeight.BOLD, 11);
        double pulse = 0.5 + 0.5 * Math.sin(flowPhase / 4.0);
        for (Map.Entry<String, Integer> a : alarms.entrySet()) {
            Optional<Point2D> at = screenPointOf(a.getKey());
            if (at.isEmpty() || !Culling.pointVisible(at.get().getX(), at.get().getY(), 20, w, h)) {
                continue;
            }
            double x = at.get().getX();
            double y = at.get().getY();
            int priority = Math.max(1, Math.min(4, a.getValue()));
            Color c = AlarmSymbols.colour(priority);
            double r = 9 + 4 * pulse;
            g.setStroke(c.deriveColor(0, 1, 1, 0.35 + 0.5 * (1 - pulse)));
            g.setLineWidth(2);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            double sx = x + 12;
            double sy = y - 14;
            g.setFill(c);
            AlarmSymbols.fillShape(g, priority, sx, sy, 8);
            g.setStroke(Color.web("#2A2F34"));
            g.setLineWidth(0.8);
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(priority == 3 ? Color.web("#2A2F34") : Color.WHITE);
            g.fillText(Integer.toString(priority), sx, sy + (priority == 3 ? 1.5 : 0));
            drawnElements++;
        }
    }

    /**
     * Takes the frame's Mercator transform from two points projected by Gluon, so the many projections of a frame
     * are a few multiplications each instead of a call into the map per element.
     */
    private void updateProjection() {
        Point2D p1 = getMapPoint(50, 3);
        Point2D p2 = getMapPoint(54, 8);
        ax = (p2.getX() - p1.getX()) / (8 - 3);
        bx = p1.getX() - ax * 3;
        ay = (p2.getY() - p1.getY()) / (mercator(54) - mercator(50));
        by = p1.getY() - ay * mercator(50);
    }

    private static double mercator(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    }

    private Point2D project(GeoPoint p) {
        return new Point2D(ax * p.lon() + bx, ay * mercator(p.lat()) + by);
    }

    private void drawAreas(GraphicsContext g, Map<String, Point2D> screen) {
        List<GridArea> areas = snapshot.areas();
        Map<String, List<double[]>> pointsByArea = new HashMap<>();
        for (GridSubstation s : snapshot.substations()) {
            Point2D p = screen.get(s.id());
            if (p != null && s.areaId() != null) {
                pointsByArea.computeIfAbsent(s.areaId(), k -> new ArrayList<>()).add(new double[]{p.getX(), p.getY()});
            }
        }
        g.setLineDashes();
        for (int i = 0; i < areas.size(); i++) {
            GridArea a = areas.get(i);
            List<double[]> hull = ConvexHull.of(pointsByArea.getOrDefault(a.id(), List.of()));
            if (hull.size() < 3) {
                continue;
            }
            double[] xs = new double[hull.size()];
            double[] ys = new double[hull.size()];
            double cx = hull.stream().mapToDouble(p -> p[0]).average().orElse(0);
            double cy = hull.stream().mapToDouble(p -> p[1]).average().orElse(0);
            for (int k = 0; k < hull.size(); k++) {
                // grow the hull a little so border substations sit inside the tint
                double dx = hull.get(k)[0] - cx;
                double dy = hull.get(k)[1] - cy;
                double len = Math.max(1, Math.hypot(dx, dy));
                xs[k] = hull.get(k)[0] + dx / len * 14;
                ys[k] = hull.get(k)[1] + dy / len * 14;
            }
            Color c = MapPalette.area(i);
            g.setFill(c.deriveColor(0, 1, 1, 0.10));
            g.fillPolygon(xs, ys, xs.length);
            g.setStroke(c.deriveColor(0, 1, 1, stale.test(a.id()) ? 0.25 : 0.55));
            g.setLineWidth(1.2);
            g.setLineDashes(6, 4);
            g.strokePolygon(xs, ys, xs.length);
            g.setLineDashes();
            if (visibility.labels()) {
                double top = Double.MAX_VALUE;
                for (double y : ys) {
                    top = Math.min(top, y);
                }
                label(g, a.name().toUpperCase(), cx, top - 6, Font.font("System", FontWeight.BOLD, 11),
                        c.deriveColor(0, 1, 0.7, 0.9));
            }
            drawnElements++;
        }
    }

    private void drawBranches(GraphicsContext g, double z, LevelOfDetail lod, double w, double h) {
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        List<GridBranch> ordered = new ArrayList<>(snapshot.branches());
        // abnormal lines last, so they are never hidden under calm ones
        ordered.sort(Comparator.comparingInt(b -> LoadingBand.of(b.loadingPercent(), false).ordinal() % 4));
        boolean animate = lod.flowArrows() && visibleBranches(ordered, lod, w, h) <= MAX_ANIMATED_BRANCHES;
        Map<List<Object>, List<double[][]>> batches = new java.util.LinkedHashMap<>();
        for (GridBranch b : ordered) {
            if (!b.hasPath() || b.nominalKv() < lod.minBranchKv() && !b.interconnector()) {
                continue;
            }
            int n = b.path().size();
            double[] xs = new double[n];
            double[] ys = new double[n];
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                Point2D p = project(b.path().get(i));
                xs[i] = p.getX();
                ys[i] = p.getY();
                minX = Math.min(minX, xs[i]);
                maxX = Math.max(maxX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxY = Math.max(maxY, ys[i]);
            }
            if (!Culling.segmentVisible(minX, minY, maxX, maxY, 4, w, h) || (maxX - minX) + (maxY - minY) < 1) {
                continue;
            }
            boolean isStale = stale.test(b.id());
            LoadingBand band = LoadingBand.of(b.loadingPercent(), isStale);
            double width = LevelOfDetail.branchWidth(b.nominalKv(), z) * (b.interconnector() ? 1.4 : 1.0);
            if (!animate && !band.abnormal() && b.connected() && !b.id().equals(selectedId)
                    && !b.id().equals(outagedId) && !contingencyOverloads.contains(b.id())) {
                // dense view: plain lines of one colour and width go into one path, stroked once below
                batches.computeIfAbsent(List.of(MapPalette.branch(band, b.interconnector()), width),
                        k -> new ArrayList<>()).add(new double[][]{xs, ys});
                pickBranches.add(new Object[]{b.id(), xs[0], ys[0], xs[n - 1], ys[n - 1]});
                drawnElements++;
                continue;
            }
            if (!batches.isEmpty()) {
                strokeBatches(g, batches);
            }
            if (!b.connected()) {
                g.setLineDashes(3, 5);
            }
            if (contingencyOverloads.contains(b.id())) {
                g.setStroke(MapPalette.branch(LoadingBand.OVERLOAD, false).deriveColor(0, 1, 1, 0.35));
                g.setLineWidth(width + 9);
                g.strokePolyline(xs, ys, n);
            }
            if (b.id().equals(outagedId)) {
                g.setLineDashes(2, 6);
            }
            if (b.id().equals(selectedId)) {
                g.setStroke(MapPalette.SELECTION.deriveColor(0, 1, 1, 0.45));
                g.setLineWidth(width + 7);
                g.strokePolyline(xs, ys, n);
            }
            g.setStroke(MapPalette.branch(band, b.interconnector()));
            g.setLineWidth(width + (band.abnormal() ? 0.8 : 0));
            g.strokePolyline(xs, ys, n);
            g.setLineDashes();
            if (b.id().equals(outagedId)) {
                double mx = (xs[0] + xs[n - 1]) / 2;
                double my = (ys[0] + ys[n - 1]) / 2;
                g.setStroke(MapPalette.branch(LoadingBand.OVERLOAD, false));
                g.setLineWidth(2.2);
                g.strokeLine(mx - 6, my - 6, mx + 6, my + 6);
                g.strokeLine(mx - 6, my + 6, mx + 6, my - 6);
            }
            if (animate && b.connected() && !isStale && Math.abs(b.p1Mw()) > 0.5) {
                // light dashes moving from side 1 to side 2 when p1 > 0, the other way otherwise
                double speed = Math.signum(b.p1Mw());
                g.setStroke(Color.web("#F2F2EF", band.abnormal() ? 0.9 : 0.65));
                g.setLineWidth(Math.max(1, width * 0.45));
                g.setLineDashes(3, 11);
                g.setLineDashOffset(-speed * flowPhase);
                g.strokePolyline(xs, ys, n);
                g.setLineDashes();
                g.setLineDashOffset(0);
            }
            pickBranches.add(new Object[]{b.id(), xs[0], ys[0], xs[n - 1], ys[n - 1]});
            drawnElements++;
        }
        strokeBatches(g, batches);
    }

    /** Strokes each batch of plain lines as one path (far fewer rasterizer calls than one stroke per line). */
    private static void strokeBatches(GraphicsContext g, Map<List<Object>, List<double[][]>> batches) {
        for (Map.Entry<List<Object>, List<double[][]>> e : batches.entrySet()) {
            g.setStroke((Color) e.getKey().get(0));
            g.setLineWidth((Double) e.getKey().get(1));
            g.beginPath();
            for (double[][] line : e.getValue()) {
                g.moveTo(line[0][0], line[1][0]);
                for (int i = 1; i < line[0].length; i++) {
                    g.lineTo(line[0][i], line[1][i]);
                }
            }
            g.stroke();
        }
        batches.clear();
    }

    /** Branches whose end points fall on screen (a cheap estimate for the density rule). */
    private int visibleBranches(List<GridBranch> branches, LevelOfDetail lod, double w, double h) {
        int n = 0;
        for (GridBranch b : branches) {
            if (!b.hasPath() || b.nominalKv() < lod.minBranchKv() && !b.interconnector()) {
                continue;
            }
            Point2D a = project(b.path().get(0));
            Point2D c = project(b.path().get(b.path().size() - 1));
            if (Culling.segmentVisible(Math.min(a.getX(), c.getX()), Math.min(a.getY(), c.getY()),
                    Math.max(a.getX(), c.getX()), Math.max(a.getY(), c.getY()), 4, w, h)) {
                n++;
            }
        }
        return n;
    }

    private void drawDers(GraphicsContext g, LevelOfDetail lod, double w, double h) {
        List<GridDer> ders = snapshot.ders();
        if (lod.individualDers()) {
            for (GridDer d : ders) {
                if (d.position() == null) {
                    continue;
                }
                Point2D p = project(d.position());
                if (!Culling.pointVisible(p.getX(), p.getY(), 4, w, h)) {
                    continue;
                }
                boolean isStale = stale.test(d.id());
                g.setFill(isStale ? Color.web("#B5B8BB") : MapPalette.der(d.type()));
                derGlyph(g, d.type(), p.getX(), p.getY(), 3.2);
                drawnElements++;
            }
            return;
        }
        if (!lod.derClusters()) {
            return;
        }
        List<Object> key = List.of(snapshot.networkId(), ders.size(), ders.isEmpty() ? "" : ders.get(0).id(),
                ders.isEmpty() ? "" : ders.get(ders.size() - 1).id(), ax, bx, ay, by, w, h, lod.clusterCellPx());
        if (!key.equals(clusterKey)) {
            List<DerClusters.Projected> pts = new ArrayList<>(ders.size());
            for (GridDer d : ders) {
                if (d.position() != null) {
                    Point2D p = project(d.position());
                    pts.add(new DerClusters.Projected(p.getX(), p.getY(), d.type(), d.capacityKw()));
                }
            }
            clusterCache = DerClusters.cluster(pts, lod.clusterCellPx(), w, h);
            clusterKey = key;
        }
        Font font = Font.font("System", FontWeight.NORMAL, 9);
        for (DerClusters.Cluster c : clusterCache) {
            double r = Math.min(13, 4 + Math.sqrt(c.count()) * 1.1);
            g.setFill(Color.web("#F4F4F1", 0.80));
            g.fillOval(c.x() - r, c.y() - r, 2 * r, 2 * r);
            g.setStroke(MapPalette.der(c.dominantType()));
            g.setLineWidth(1.6);
            g.strokeOval(c.x() - r, c.y() - r, 2 * r, 2 * r);
            if (r >= 7) {
                label(g, Integer.toString(c.count()), c.x(), c.y() + 3.2, font, Color.web("#3A4048"));
            }
            drawnElements++;
        }
    }

    private static void derGlyph(GraphicsContext g, DerType type, double x, double y, double r) {
        switch (type) {
            case PV -> g.fillRect(x - r, y - r, 2 * r, 2 * r);
            case WIND -> g.fillPolygon(new double[]{x, x + r, x - r}, new double[]{y - r - 1, y + r, y + r}, 3);
            case BATTERY -> g.fillRoundRect(x - r, y - r * 0.7, 2 * r, 1.4 * r, 2, 2);
            case EV_CHARGER -> g.fillPolygon(new double[]{x, x + r, x, x - r}, new double[]{y - r, y, y + r, y}, 4);
            case FLEXIBLE_LOAD -> g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    private void drawSubstations(GraphicsContext g, Map<String, GridSubstation> subs, Map<String, Point2D> screen,
                                 double z, LevelOfDetail lod, double w, double h) {
        Font font = Font.font("System", FontWeight.NORMAL, 10);
        List<GridSubstation> ordered = new ArrayList<>(subs.values());
        ordered.sort(Comparator.comparingDouble(GridSubstation::nominalKv).thenComparing(GridSubstation::id));
        List<Object[]> labels = new ArrayList<>();
        // Dense views fill all halos, then all symbols of one colour, as one path each (few rasterizer calls).
        boolean dense = ordered.size() > DENSE_SUBSTATIONS;
        List<double[]> halos = new ArrayList<>();
        Map<Color, List<double[]>> bodies = new java.util.LinkedHashMap<>();
        List<double[]> hatches = new ArrayList<>();
        for (GridSubstation s : ordered) {
            Point2D p = screen.get(s.id());
            if (p == null || s.nominalKv() < lod.minSubstationKv()) {
                continue;
            }
            double size = LevelOfDetail.substationSize(s.nominalKv(), z);
            if (!Culling.pointVisible(p.getX(), p.getY(), size, w, h)) {
                continue;
            }
            boolean isStale = stale.test(s.id());
            double x = p.getX() - size / 2;
            double y = p.getY() - size / 2;
            if (s.id().equals(selectedId)) {
                g.setFill(MapPalette.SELECTION.deriveColor(0, 1, 1, 0.35));
                g.fillOval(p.getX() - size * 1.4, p.getY() - size * 1.4, size * 2.8, size * 2.8);
            }
            if (dense) {
                halos.add(new double[]{x - 1.2, y - 1.2, size + 2.4, size + 2.4});
                bodies.computeIfAbsent(MapPalette.substation(s.nominalKv(), isStale), k -> new ArrayList<>())
                        .add(new double[]{x, y, size, size});
            } else {
                g.setFill(MapPalette.HALO);
                g.fillRect(x - 1.2, y - 1.2, size + 2.4, size + 2.4);
                g.setFill(MapPalette.substation(s.nominalKv(), isStale));
                g.fillRect(x, y, size, size);
            }
            if (isStale && dense) {
                hatches.add(new double[]{x, y, size});
            } else if (isStale) {
                // quality mark: a hatch stroke across the greyed symbol, so stale is not told by colour alone
                g.setStroke(Color.web("#6B7075"));
                g.setLineWidth(1);
                g.strokeLine(x, y + size, x + size, y);
            }
            pickSubstations.add(new Object[]{s.id(), p.getX(), p.getY()});
            drawnElements++;
            if (visibility.labels() && lod.substationLabels()) {
                labels.add(new Object[]{s, p, size});
            }
        }
        if (dense) {
            fillRects(g, MapPalette.HALO, halos);
            bodies.forEach((colour, rects) -> fillRects(g, colour, rects));
            if (!hatches.isEmpty()) {
                g.setStroke(Color.web("#6B7075"));
                g.setLineWidth(1);
                g.beginPath();
                for (double[] t : hatches) {
                    g.moveTo(t[0], t[1] + t[2]);
                    g.lineTo(t[0] + t[2], t[1]);
                }
                g.stroke();
            }
        }
        // labels last, highest voltage first, each only where it does not collide with one already placed
        LabelPlacer placer = new LabelPlacer();
        java.util.Collections.reverse(labels);
        labels.sort(Comparator.comparing((Object[] l) -> !((GridSubstation) l[0]).id().equals(selectedId)));
        for (Object[] l : labels) {
            GridSubstation s = (GridSubstation) l[0];
            Point2D p = (Point2D) l[1];
            double size = (double) l[2];
            double top = p.getY() + size / 2 + 2;
            if (placer.tryPlace(p.getX(), top, LabelPlacer.estimateWidth(s.id(), 10), 12)) {
                label(g, s.id(), p.getX(), top + 9.5, font, MapPalette.LABEL);
            }
        }
    }

    private static void fillRects(GraphicsContext g, Color colour, List<double[]> rects) {
        if (rects.isEmpty()) {
            return;
        }
        g.setFill(colour);
        g.beginPath();
        for (double[] r : rects) {
            g.rect(r[0], r[1], r[2], r[3]);
        }
        g.fill();
    }

    private static void label(GraphicsContext g, String text, double x, double y, Font font, Color color) {
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BASELINE);
        g.setStroke(MapPalette.HALO);
        g.setLineWidth(3);
        g.strokeText(text, x, y);
        g.setFill(color);
        g.fillText(text, x, y);
    }
}
