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
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSubstation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * The whole supergrid drawn on four stacked Canvases inside a Gluon {@link MapLayer}: community-grid areas; lines and
 * interconnectors coloured by loading; DERs (clustered when zoomed out), substations by voltage class, labels and the
 * selection; and on top moving flow dashes and pulsing alarm rings. Each canvas is repainted only when what it shows
 * changed: live telemetry repaints the lines, the animation only its own canvas, and areas and symbols wait for the
 * camera, the model, the selection or a change of quality. A few nodes for thousands of elements; everything off
 * screen is culled and the level of detail follows the zoom ({@link LevelOfDetail}).
 * <p>
 * Speed: what telemetry never changes (positions, paths, draw order, area outlines) is kept in a {@link GridGeometry}
 * built once per model; a frame projects flat arrays and strokes plain lines of one colour and width as one path
 * (butt caps, bevel joins: far fewer curves for the rasterizer). Only lines that need their own look (selected,
 * outaged, overloaded by a contingency, disconnected) are stroked one by one.
 */
public final class SupergridLayer extends MapLayer {

    /** Bottom to top: area tints, lines, symbols (DERs, substations, labels), animation (flow dashes, alarms). */
    private final Canvas areasCanvas = new Canvas();
    /**
     * The lines, cut into square tiles: a line changing band repaints only the tiles under it, so the renderer
     * rasterizes a few hundred lines instead of all of them (JavaFX repaints only the dirty region of the scene).
     */
    private Canvas[] lineTiles = new Canvas[0];
    private IntList[] tileLines = new IntList[0];
    private int tilesX;
    private int tilesY;
    static final double LINE_TILE_PX = 160;
    /** How far a line's drawing reaches beyond its path: the widest halo (contingency) plus antialiasing. */
    private static final double LINE_MARGIN_PX = 10;
    private double[] bMinX = new double[0];
    private double[] bMinY = new double[0];
    private double[] bMaxX = new double[0];
    private double[] bMaxY = new double[0];
    private boolean[] dirtyTiles = new boolean[0];
    private int lineTileRepaints;
    private final Canvas symbolsCanvas = new Canvas();
    private final Canvas overlay = new Canvas();
    /** What the area and symbol canvases were last drawn for; telemetry that changes none of it repaints only lines. */
    private List<Object> staticKey = List.of();
    private int staticElements;
    private int lineElements;
    private int staticRedraws;
    /** What the lines canvas shows per branch (drawn, band, connected) and for which camera: unchanged means no repaint. */
    private byte[] lineLook = new byte[0];
    private byte[] lastLineLook = new byte[0];
    private List<Object> linesKey = List.of();
    private int lineRedraws;
    private final DoubleSupplier zoom;
    private GridSnapshot snapshot;
    private GridGeometry geometry;
    private int geometryBuilds;
    private LayerVisibility visibility = LayerVisibility.all();
    private Predicate<String> stale = id -> false;
    private String selectedId;
    private double flowPhase;
    private Runnable onLayout = () -> { };
    private Map<String, Integer> alarms = Map.of();
    private String outagedId;
    private java.util.Set<String> contingencyOverloads = java.util.Set.of();

    /** Web-Mercator to layer pixels for this frame: x = ax·lon + bx, y = ay·mercY + by (see {@link #redraw}). */
    private double ax;
    private double bx;
    private double ay;
    private double by;
    /** DER clusters depend only on positions and the camera, not on live values: reused while neither changes. */
    private List<DerClusters.Cluster> clusterCache = List.of();
    /** The clusters in clusterCache are on screen (DERs shown, zoomed out far enough): picking respects them. */
    private boolean clustersDrawn;
    private List<Object> clusterKey = List.of();

    /** Above this many lines on screen the moving flow dashes are left out: they cannot be told apart anyway. */
    static final int MAX_ANIMATED_BRANCHES = 2500;
    /** Above this many substations their symbols are filled as batched paths. */
    static final int DENSE_SUBSTATIONS = 2000;

    private static final int KV_CLASSES = 4;
    private static final double[] KV_CLASS_REPRESENTATIVE = {345, 138, 69, 20};
    private static final Color CLUSTER_FILL = Color.web("#F4F4F1", 0.80);
    private static final Color CLUSTER_TEXT = Color.web("#3A4048");
    private static final Color HATCH = Color.web("#6B7075");
    private static final Color STALE_DER = Color.web("#B5B8BB");
    private static final Color FLOW_DASH = Color.web("#F2F2EF", 0.65);
    private static final Color FLOW_DASH_ABNORMAL = Color.web("#F2F2EF", 0.9);
    private static final Font AREA_FONT = Font.font("System", FontWeight.BOLD, 11);
    private static final Font LABEL_FONT = Font.font("System", FontWeight.NORMAL, 10);
    private static final Font CLUSTER_FONT = Font.font("System", FontWeight.NORMAL, 9);
    private static final Font ALARM_FONT = Font.font("System", FontWeight.BOLD, 11);

    // the last frame's screen positions: for picking, the overlay and alarms (valid until the next redraw)
    private double[] px = new double[0];
    private double[] py = new double[0];
    private boolean[] branchDrawn = new boolean[0];
    private double[] subX = new double[0];
    private double[] subY = new double[0];
    private boolean[] subDrawn = new boolean[0];
    private double[] derX = new double[0];
    private double[] derY = new double[0];
    /** Branches whose flow dashes the overlay draws: index, width, abnormal. */
    private int[] animated = new int[0];
    private double[] animatedWidth = new double[0];
    private boolean[] animatedAbnormal = new boolean[0];
    private double[] animatedTrim = new double[0];
    private double[] trimX = new double[16];
    private double[] trimY = new double[16];
    private int animatedCount;
    /** Priority 1..4 colours and number colours: the theme's tokens once the view has read them from the scene. */
    private final Color[] alarmColours = {AlarmSymbols.colour(1), AlarmSymbols.colour(2), AlarmSymbols.colour(3),
            AlarmSymbols.colour(4)};
    private final Color[] alarmNumberColours = {AlarmSymbols.numberColour(1), AlarmSymbols.numberColour(2),
            AlarmSymbols.numberColour(3), AlarmSymbols.numberColour(4)};
    /** The animated overlay was last cleared with nothing drawn on it. */
    private boolean overlayBlank;
    private final IntList[] buckets = new IntList[LoadingBand.values().length * KV_CLASSES * 2];
    private final IntList specials = new IntList();
    private int drawnAlarms;

    /**
     * @param zoom the map's current zoom (the layer cannot read it from Gluon's public API)
     */
    public SupergridLayer(DoubleSupplier zoom) {
        this.zoom = zoom;
        for (Canvas c : List.of(areasCanvas, symbolsCanvas, overlay)) {
            c.setMouseTransparent(true);
        }
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new IntList();
        }
        getChildren().addAll(areasCanvas, symbolsCanvas, overlay);
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

    /** The colour and number colour of an alarm priority (1..4) as the theme defines them; repaints the alarms. */
    public void setAlarmColours(int priority, Color colour, Color number) {
        if (priority < 1 || priority > 4) {
            throw new IllegalArgumentException("priority 1..4, not " + priority);
        }
        alarmColours[priority - 1] = java.util.Objects.requireNonNull(colour, "colour");
        alarmNumberColours[priority - 1] = java.util.Objects.requireNonNull(number, "number");
        redrawOverlay();
    }

    /** The colour the map draws priority 1..4 in (tests: the map and the alarm list agree). */
    public Color alarmColour(int priority) {
        return alarmColours[priority - 1];
    }

    /** The colour of the number on priority 1..4's shape. */
    public Color alarmNumberColour(int priority) {
        return alarmNumberColours[priority - 1];
    }

    /** Advances the flow-direction animation (phase in px along the line); repaints only the animated overlay. */
    public void setFlowPhase(double phase) {
        this.flowPhase = phase;
        if (animatedCount == 0 && alarms.isEmpty() && overlayBlank) {
            return; // nothing moves: repainting an empty canvas would still cost a whole-map render each tick
        }
        redrawOverlay();
    }

    /** Called after each layout (pan, zoom, resize), e.g. to remember the camera. */
    public void setOnLayout(Runnable onLayout) {
        this.onLayout = onLayout;
    }

    /** Elements drawn in the last frame (after culling and level of detail), for diagnostics and tests. */
    public int drawnElements() {
        return staticElements + lineElements + drawnAlarms;
    }

    /** How often the lines were repainted (a camera, model or band change; not values that stay in their band). */
    public int lineRedraws() {
        return lineRedraws;
    }

    /** How many line tiles were repainted in all (a frame that changes one line's band repaints the tiles under it). */
    public int lineTileRepaints() {
        return lineTileRepaints;
    }

    /** How many tiles the lines are cut into for the current size. */
    public int lineTileCount() {
        return lineTiles.length;
    }

    /** How often the areas and symbols were repainted (camera, model, selection or quality changes, not telemetry). */
    public int staticRedraws() {
        return staticRedraws;
    }

    /** How often the static geometry was rebuilt (once per model; more means frames do not share it). */
    public int geometryBuilds() {
        return geometryBuilds;
    }

    @Override
    protected void layoutLayer() {
        redraw();
        onLayout.run();
    }

    /** Where a substation or branch (its midpoint) was drawn in the last frame, in layer coordinates. */
    public Optional<Point2D> screenPointOf(String id) {
        if (geometry == null) {
            return Optional.empty();
        }
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

    /**
     * The asset under a point of the map: a substation first; then nothing when the point is on a DER cluster's
     * circle (what is under the pointer is the cluster, not the line beside it); then the nearest line within a few
     * pixels.
     */
    public Optional<String> pick(double x, double y) {
        if (geometry == null) {
            return Optional.empty();
        }
        String best = null;
        double bestD = 10 * 10;
        for (int i = 0; i < subDrawn.length; i++) {
            if (!subDrawn[i]) {
                continue;
            }
            double dx = subX[i] - x;
            double dy = subY[i] - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = geometry.substations[i].id();
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        if (clustersDrawn && onCluster(clusterCache, x, y)) {
            return Optional.empty();
        }
        bestD = 6 * 6;
        for (int i = 0; i < branchDrawn.length; i++) {
            if (!branchDrawn[i]) {
                continue;
            }
            int first = geometry.branchOffset[i];
            int last = first + geometry.branchLon[i].length - 1;
            double d = Culling.distanceToSegmentSquared(x, y, px[first], py[first], px[last], py[last]);
            if (d <= bestD) {
                bestD = d;
                best = geometry.branchIds[i];
            }
        }
        return Optional.ofNullable(best);
    }

    private void redraw() {
        Node parent = getParent();
        double w = parent instanceof Region r ? r.getWidth() : 0;
        double h = parent instanceof Region r ? r.getHeight() : 0;
        for (Canvas c : List.of(areasCanvas, symbolsCanvas, overlay)) {
            if (c.getWidth() != w || c.getHeight() != h) {
                c.setWidth(w);
                c.setHeight(h);
            }
        }
        ensureLineTiles(w, h);
        lineElements = 0;
        animatedCount = 0;
        if (snapshot == null || w <= 0 || h <= 0 || baseMap == null) {
            geometry = null;
            staticKey = List.of();
            linesKey = List.of();
            clearLineTiles();
            staticElements = 0;
            areasCanvas.getGraphicsContext2D().clearRect(0, 0, w, h);
            symbolsCanvas.getGraphicsContext2D().clearRect(0, 0, w, h);
            redrawOverlay();
            return;
        }
        if (geometry == null || !geometry.matches(snapshot)) {
            geometry = new GridGeometry(snapshot);
            geometryBuilds++;
            px = new double[geometry.pathPoints];
            py = new double[geometry.pathPoints];
            branchDrawn = new boolean[geometry.branchIds.length];
            subX = new double[geometry.substations.length];
            subY = new double[geometry.substations.length];
            subDrawn = new boolean[geometry.substations.length];
            derX = new double[geometry.derLon.length];
            derY = new double[geometry.derLon.length];
            animated = new int[geometry.branchIds.length];
            animatedWidth = new double[geometry.branchIds.length];
            animatedAbnormal = new boolean[geometry.branchIds.length];
            animatedTrim = new double[geometry.branchIds.length];
            lineLook = new byte[geometry.branchIds.length];
            lastLineLook = new byte[geometry.branchIds.length];
            bMinX = new double[geometry.branchIds.length];
            bMinY = new double[geometry.branchIds.length];
            bMaxX = new double[geometry.branchIds.length];
            bMaxY = new double[geometry.branchIds.length];
        }
        updateProjection();
        double z = zoom.getAsDouble();
        LevelOfDetail lod = LevelOfDetail.forZoom(z);
        List<Object> key = java.util.Arrays.asList(geometry, ax, bx, ay, by, w, h, z, visibility, selectedId,
                staleSignature(lod), lod.individualDers() ? staticRedraws : -1);
        if (!key.equals(staticKey)) {
            // areas and symbols change with the camera, the model, the selection or quality; not with live values
            staticKey = key;
            staticRedraws++;
            staticElements = 0;
            java.util.Arrays.fill(subDrawn, false);
            GraphicsContext areas = areasCanvas.getGraphicsContext2D();
            GraphicsContext symbols = symbolsCanvas.getGraphicsContext2D();
            areas.clearRect(0, 0, w, h);
            symbols.clearRect(0, 0, w, h);
            if (visibility.areas()) {
                drawAreas(areas);
            }
            clustersDrawn = false;
            if (visibility.ders()) {
                drawDers(symbols, lod, w, h);
            }
            if (visibility.substations()) {
                drawSubstations(symbols, z, lod, w, h);
            }
        }
        java.util.Arrays.fill(branchDrawn, false);
        if (visibility.lines()) {
            drawBranches(z, lod, w, h);
        } else if (!linesKey.isEmpty()) {
            clearLineTiles();
            linesKey = List.of();
        }
        redrawOverlay();
    }

    /**
     * A cheap fingerprint of which substations and areas are stale (the only live state the static canvases show);
     * individual DERs are repainted with every frame instead, as they are few at the zooms that show them.
     */
    private int staleSignature(LevelOfDetail lod) {
        int sig = 1;
        if (visibility.substations()) {
            GridSubstation[] subs = geometry.substations;
            for (int i = 0; i < subs.length; i++) {
                if (subs[i].nominalKv() >= lod.minSubstationKv() && stale.test(subs[i].id())) {
                    sig = sig * 31 + i + 1;
                }
            }
        }
        if (visibility.areas()) {
            List<GridArea> areas = snapshot.areas();
            for (int i = 0; i < areas.size(); i++) {
                if (stale.test(areas.get(i).id())) {
                    sig = sig * 31 - i - 1;
                }
            }
        }
        return sig;
    }

    /** One canvas per LINE_TILE_PX square of the layer (the last row and column smaller), between areas and symbols. */
    private void ensureLineTiles(double w, double h) {
        int nx = Math.max(1, (int) Math.ceil(w / LINE_TILE_PX));
        int ny = Math.max(1, (int) Math.ceil(h / LINE_TILE_PX));
        boolean sameGrid = nx == tilesX && ny == tilesY && lineTiles.length == nx * ny;
        if (sameGrid && lineTiles.length > 0) {
            Canvas last = lineTiles[lineTiles.length - 1];
            if (last.getWidth() == Math.max(1, w - (nx - 1) * LINE_TILE_PX)
                    && last.getHeight() == Math.max(1, h - (ny - 1) * LINE_TILE_PX)) {
                return;
            }
        }
        tilesX = nx;
        tilesY = ny;
        lineTiles = new Canvas[nx * ny];
        tileLines = new IntList[nx * ny];
        dirtyTiles = new boolean[nx * ny];
        for (int t = 0; t < lineTiles.length; t++) {
            double tx = (t % nx) * LINE_TILE_PX;
            double ty = (t / nx) * LINE_TILE_PX;
            Canvas c = new Canvas(Math.max(1, Math.min(LINE_TILE_PX, w - tx)), Math.max(1, Math.min(LINE_TILE_PX, h - ty)));
            c.setMouseTransparent(true);
            c.relocate(tx, ty);
            lineTiles[t] = c;
            tileLines[t] = new IntList();
        }
        List<Node> children = new ArrayList<>();
        children.add(areasCanvas);
        children.addAll(List.of(lineTiles));
        children.add(symbolsCanvas);
        children.add(overlay);
        getChildren().setAll(children);
        linesKey = List.of(); // new canvases are blank: paint them all
    }

    private void clearLineTiles() {
        for (Canvas c : lineTiles) {
            GraphicsContext g = c.getGraphicsContext2D();
            g.setTransform(1, 0, 0, 1, 0, 0);
            g.clearRect(0, 0, c.getWidth(), c.getHeight());
        }
    }

    /**
     * The tiles a branch's box (grown by the line margin) touches: adds the branch to their lists ({@code index}) or
     * marks them dirty.
     */
    private void markTiles(int branch, boolean index) {
        int x0 = Math.max(0, (int) Math.floor((bMinX[branch] - LINE_MARGIN_PX) / LINE_TILE_PX));
        int x1 = Math.min(tilesX - 1, (int) Math.floor((bMaxX[branch] + LINE_MARGIN_PX) / LINE_TILE_PX));
        int y0 = Math.max(0, (int) Math.floor((bMinY[branch] - LINE_MARGIN_PX) / LINE_TILE_PX));
        int y1 = Math.min(tilesY - 1, (int) Math.floor((bMaxY[branch] + LINE_MARGIN_PX) / LINE_TILE_PX));
        for (int ty = y0; ty <= y1; ty++) {
            for (int tx = x0; tx <= x1; tx++) {
                int t = ty * tilesX + tx;
                if (index) {
                    tileLines[t].add(branch);
                } else {
                    dirtyTiles[t] = true;
                }
            }
        }
    }

    /** The animated layer: flow dashes of the lines chosen by the last redraw, then the alarm rings. */
    private void redrawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        double w = overlay.getWidth();
        double h = overlay.getHeight();
        g.clearRect(0, 0, w, h);
        drawnAlarms = 0;
        overlayBlank = geometry == null || snapshot == null || (animatedCount == 0 && alarms.isEmpty());
        if (geometry == null || snapshot == null) {
            return;
        }
        if (animatedCount > 0) {
            List<GridBranch> branches = snapshot.branches();
            g.setLineCap(StrokeLineCap.ROUND);
            g.setLineJoin(StrokeLineJoin.ROUND);
            g.setLineDashes(3, 11);
            for (int k = 0; k < animatedCount; k++) {
                int i = animated[k];
                // light dashes moving from side 1 to side 2 when p1 > 0, the other way otherwise
                double speed = Math.signum(branches.get(i).p1Mw());
                g.setStroke(animatedAbnormal[k] ? FLOW_DASH_ABNORMAL : FLOW_DASH);
                g.setLineWidth(Math.max(1, animatedWidth[k] * 0.45));
                g.setLineDashOffset(-speed * flowPhase);
                strokeTrimmed(g, i, animatedTrim[k]);
            }
            g.setLineDashes();
            g.setLineDashOffset(0);
        }
        drawAlarms(g, w, h);
    }

    /** Alarm priority told three ways (STYLE.md): colour, shape and number, with a ring pulsing around the asset. */
    private void drawAlarms(GraphicsContext g, double w, double h) {
        if (alarms.isEmpty()) {
            return;
        }
        double pulse = 0.5 + 0.5 * Math.sin(flowPhase / 4.0);
        g.setFont(ALARM_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (Map.Entry<String, Integer> a : alarms.entrySet()) {
            Optional<Point2D> at = screenPointOf(a.getKey());
            if (at.isEmpty() || !Culling.pointVisible(at.get().getX(), at.get().getY(), 20, w, h)) {
                continue;
            }
            double x = at.get().getX();
            double y = at.get().getY();
            int priority = Math.max(1, Math.min(4, a.getValue()));
            Color c = alarmColours[priority - 1];
            double r = 9 + 4 * pulse;
            g.setStroke(c.deriveColor(0, 1, 1, 0.35 + 0.5 * (1 - pulse)));
            g.setLineWidth(2);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            double sx = x + 12;
            double sy = y - 14;
            g.setFill(c);
            AlarmSymbols.fillShape(g, priority, sx, sy, 8);
            g.setFill(alarmNumberColours[priority - 1]);
            g.fillText(Integer.toString(priority), sx, sy + (priority == 3 ? 1.5 : 0));
            drawnAlarms++;
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
        ay = (p2.getY() - p1.getY()) / (GridGeometry.mercator(54) - GridGeometry.mercator(50));
        by = p1.getY() - ay * GridGeometry.mercator(50);
    }

    private void drawAreas(GraphicsContext g) {
        List<GridArea> areas = snapshot.areas();
        g.setLineDashes();
        for (int i = 0; i < areas.size(); i++) {
            double[] lon = geometry.hullLon[i];
            double[] merc = geometry.hullMerc[i];
            int k = lon.length;
            if (k < 3) {
                continue;
            }
            double cx = 0;
            double cy = 0;
            for (int j = 0; j < k; j++) {
                cx += ax * lon[j] + bx;
                cy += ay * merc[j] + by;
            }
            cx /= k;
            cy /= k;
            double[] xs = new double[k];
            double[] ys = new double[k];
            double top = Double.MAX_VALUE;
            for (int j = 0; j < k; j++) {
                // grow the hull a little so border substations sit inside the tint
                double x = ax * lon[j] + bx;
                double y = ay * merc[j] + by;
                double dx = x - cx;
                double dy = y - cy;
                double len = Math.max(1, Math.hypot(dx, dy));
                xs[j] = x + dx / len * 14;
                ys[j] = y + dy / len * 14;
                top = Math.min(top, ys[j]);
            }
            GridArea a = areas.get(i);
            Color c = MapPalette.area(i);
            g.setFill(c.deriveColor(0, 1, 1, 0.10));
            g.fillPolygon(xs, ys, k);
            g.setStroke(c.deriveColor(0, 1, 1, stale.test(a.id()) ? 0.25 : 0.55));
            g.setLineWidth(1.2);
            g.setLineDashes(6, 4);
            g.strokePolygon(xs, ys, k);
            g.setLineDashes();
            if (visibility.labels()) {
                label(g, a.name().toUpperCase(), cx, top - 6, AREA_FONT, c.deriveColor(0, 1, 0.7, 0.9));
            }
            staticElements++;
        }
    }

    private static int kvClass(double kv) {
        return kv >= 300 ? 0 : kv >= 100 ? 1 : kv >= 30 ? 2 : 3;
    }

    private void drawBranches(double z, LevelOfDetail lod, double w, double h) {
        List<GridBranch> branches = snapshot.branches();
        int n = branches.size();
        // pass 1: project and cull
        int visible = 0;
        for (int i = 0; i < n; i++) {
            double[] lon = geometry.branchLon[i];
            if (lon == null) {
                continue;
            }
            GridBranch b = branches.get(i);
            if (b.nominalKv() < lod.minBranchKv() && !b.interconnector()) {
                continue;
            }
            double[] merc = geometry.branchMerc[i];
            int off = geometry.branchOffset[i];
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int j = 0; j < lon.length; j++) {
                double x = ax * lon[j] + bx;
                double y = ay * merc[j] + by;
                px[off + j] = x;
                py[off + j] = y;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
            if (Culling.segmentVisible(minX, minY, maxX, maxY, 4, w, h) && (maxX - minX) + (maxY - minY) >= 1) {
                branchDrawn[i] = true;
                bMinX[i] = minX;
                bMinY[i] = minY;
                bMaxX[i] = maxX;
                bMaxY[i] = maxY;
                visible++;
            }
        }
        boolean animate = lod.flowArrows() && visible <= MAX_ANIMATED_BRANCHES;
        // pass 2: what each line looks like now, and which flow dashes the overlay draws
        java.util.Arrays.fill(lineLook, (byte) 0);
        for (int i = 0; i < n; i++) {
            if (!branchDrawn[i]) {
                continue;
            }
            GridBranch b = branches.get(i);
            boolean isStale = stale.test(b.id());
            LoadingBand band = LoadingBand.of(b.loadingPercent(), isStale);
            lineLook[i] = (byte) (0x40 | (b.connected() ? 0x20 : 0) | band.ordinal());
            if (animate && b.connected() && !isStale && Math.abs(b.p1Mw()) > 0.5) {
                animated[animatedCount] = i;
                animatedWidth[animatedCount] = branchWidth(b, z);
                animatedAbnormal[animatedCount] = band.abnormal();
                // the dashes stop at the substation symbols, which are drawn below them on the other canvas
                animatedTrim[animatedCount] = visibility.substations()
                        ? LevelOfDetail.substationSize(b.nominalKv(), z) / 2 + 2 : 0;
                animatedCount++;
            }
            lineElements++;
        }
        // live values that leave every visible line in its band change nothing on screen: keep the painted lines;
        // a line that changed band repaints only the tiles under it; a new camera or model repaints every tile
        List<Object> key = java.util.Arrays.asList(geometry, ax, bx, ay, by, w, h, z, visibility, selectedId, outagedId,
                contingencyOverloads);
        boolean all = !key.equals(linesKey);
        if (all) {
            for (IntList list : tileLines) {
                list.clear();
            }
            for (int i = 0; i < n; i++) {
                if (branchDrawn[i]) {
                    markTiles(i, true);
                }
            }
            java.util.Arrays.fill(dirtyTiles, true);
        } else {
            java.util.Arrays.fill(dirtyTiles, false);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (lineLook[i] != lastLineLook[i]) {
                    markTiles(i, false);
                    any = true;
                }
            }
            if (!any) {
                return;
            }
        }
        linesKey = key;
        System.arraycopy(lineLook, 0, lastLineLook, 0, lineLook.length);
        lineRedraws++;
        for (int t = 0; t < lineTiles.length; t++) {
            if (dirtyTiles[t]) {
                repaintTile(t, z);
            }
        }
    }

    /** Repaints one tile: its plain lines batched by band, voltage class and interconnector, the rest one by one. */
    private void repaintTile(int t, double z) {
        Canvas c = lineTiles[t];
        GraphicsContext g = c.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        g.setTransform(1, 0, 0, 1, -(t % tilesX) * LINE_TILE_PX, -(t / tilesX) * LINE_TILE_PX);
        for (IntList bucket : buckets) {
            bucket.clear();
        }
        specials.clear();
        List<GridBranch> branches = snapshot.branches();
        LoadingBand[] bands = LoadingBand.values();
        IntList lines = tileLines[t];
        for (int k = 0; k < lines.size(); k++) {
            int i = lines.get(k);
            GridBranch b = branches.get(i);
            if (b.connected() && !b.id().equals(selectedId) && !b.id().equals(outagedId)
                    && !contingencyOverloads.contains(b.id())) {
                LoadingBand band = bands[lineLook[i] & 0x0F];
                buckets[(band.ordinal() * KV_CLASSES + kvClass(b.nominalKv())) * 2 + (b.interconnector() ? 1 : 0)].add(i);
            } else {
                specials.add(i);
            }
        }
        // calm, unknown and stale lines first, abnormal ones last (by severity) so they are never hidden
        for (LoadingBand band : List.of(LoadingBand.STALE, LoadingBand.UNKNOWN, LoadingBand.CALM)) {
            strokeBuckets(g, band, z);
        }
        drawSpecials(g, z, false);
        for (LoadingBand band : List.of(LoadingBand.AMBER, LoadingBand.RED, LoadingBand.OVERLOAD)) {
            strokeBuckets(g, band, z);
        }
        drawSpecials(g, z, true);
        lineTileRepaints++;
    }

    private static double branchWidth(GridBranch b, double z) {
        return LevelOfDetail.branchWidth(b.nominalKv(), z) * (b.interconnector() ? 1.4 : 1.0);
    }

    /** Strokes each batch of plain lines of one band as one path (far fewer rasterizer calls than one per line). */
    private void strokeBuckets(GraphicsContext g, LoadingBand band, double z) {
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.BEVEL);
        g.setLineDashes();
        for (int kv = 0; kv < KV_CLASSES; kv++) {
            for (int ic = 0; ic < 2; ic++) {
                IntList bucket = buckets[(band.ordinal() * KV_CLASSES + kv) * 2 + ic];
                if (bucket.size() == 0) {
                    continue;
                }
                g.setStroke(MapPalette.branch(band, ic == 1));
                g.setLineWidth(LevelOfDetail.branchWidth(KV_CLASS_REPRESENTATIVE[kv], z) * (ic == 1 ? 1.4 : 1.0)
                        + (band.abnormal() ? 0.8 : 0));
                g.beginPath();
                for (int k = 0; k < bucket.size(); k++) {
                    appendPath(g, bucket.get(k));
                }
                g.stroke();
            }
        }
    }

    private void appendPath(GraphicsContext g, int i) {
        int off = geometry.branchOffset[i];
        int n = geometry.branchLon[i].length;
        g.moveTo(px[off], py[off]);
        for (int j = 1; j < n; j++) {
            g.lineTo(px[off + j], py[off + j]);
        }
    }

    private void strokePath(GraphicsContext g, int i) {
        g.beginPath();
        appendPath(g, i);
        g.stroke();
    }

    /** Strokes a branch's path with {@code trim} px cut off both ends (where the segments are long enough). */
    private void strokeTrimmed(GraphicsContext g, int i, double trim) {
        int off = geometry.branchOffset[i];
        int n = geometry.branchLon[i].length;
        if (trimX.length < n) {
            trimX = new double[n];
            trimY = new double[n];
        }
        System.arraycopy(px, off, trimX, 0, n);
        System.arraycopy(py, off, trimY, 0, n);
        trimEnd(0, 1, trim);
        trimEnd(n - 1, n - 2, trim);
        g.strokePolyline(trimX, trimY, n);
    }

    private void trimEnd(int end, int next, double trim) {
        double dx = trimX[next] - trimX[end];
        double dy = trimY[next] - trimY[end];
        double len = Math.hypot(dx, dy);
        if (trim > 0 && len > 3 * trim) {
            trimX[end] += dx / len * trim;
            trimY[end] += dy / len * trim;
        }
    }

    /** Lines with a look of their own: selected, outaged, overloaded by the shown contingency, disconnected. */
    private void drawSpecials(GraphicsContext g, double z, boolean abnormal) {
        List<GridBranch> branches = snapshot.branches();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (int k = 0; k < specials.size(); k++) {
            int i = specials.get(k);
            GridBranch b = branches.get(i);
            LoadingBand band = LoadingBand.of(b.loadingPercent(), stale.test(b.id()));
            if (band.abnormal() != abnormal) {
                continue;
            }
            double width = branchWidth(b, z);
            if (!b.connected()) {
                g.setLineDashes(3, 5);
            }
            if (contingencyOverloads.contains(b.id())) {
                g.setStroke(MapPalette.branch(LoadingBand.OVERLOAD, false).deriveColor(0, 1, 1, 0.35));
                g.setLineWidth(width + 9);
                strokePath(g, i);
            }
            if (b.id().equals(outagedId)) {
                g.setLineDashes(2, 6);
            }
            if (b.id().equals(selectedId)) {
                g.setStroke(MapPalette.SELECTION.deriveColor(0, 1, 1, 0.45));
                g.setLineWidth(width + 7);
                strokePath(g, i);
            }
            g.setStroke(MapPalette.branch(band, b.interconnector()));
            g.setLineWidth(width + (band.abnormal() ? 0.8 : 0));
            strokePath(g, i);
            g.setLineDashes();
            if (b.id().equals(outagedId)) {
                int first = geometry.branchOffset[i];
                int last = first + geometry.branchLon[i].length - 1;
                double mx = (px[first] + px[last]) / 2;
                double my = (py[first] + py[last]) / 2;
                g.setStroke(MapPalette.branch(LoadingBand.OVERLOAD, false));
                g.setLineWidth(2.2);
                g.strokeLine(mx - 6, my - 6, mx + 6, my + 6);
                g.strokeLine(mx - 6, my + 6, mx + 6, my - 6);
            }
        }
    }

    private void drawDers(GraphicsContext g, LevelOfDetail lod, double w, double h) {
        int n = geometry.derLon.length;
        if (lod.individualDers()) {
            List<GridDer> ders = snapshot.ders();
            for (int i = 0; i < n; i++) {
                double x = ax * geometry.derLon[i] + bx;
                double y = ay * geometry.derMerc[i] + by;
                if (Double.isNaN(x) || !Culling.pointVisible(x, y, 4, w, h)) {
                    continue;
                }
                GridDer d = ders.get(i);
                g.setFill(stale.test(d.id()) ? STALE_DER : MapPalette.der(d.type()));
                derGlyph(g, d.type(), x, y, 3.2);
                staticElements++;
            }
            return;
        }
        if (!lod.derClusters()) {
            return;
        }
        List<Object> key = List.of(geometry, ax, bx, ay, by, w, h, lod.clusterCellPx());
        if (!key.equals(clusterKey)) {
            for (int i = 0; i < n; i++) {
                derX[i] = ax * geometry.derLon[i] + bx;
                derY[i] = ay * geometry.derMerc[i] + by;
            }
            clusterCache = DerClusters.cluster(derX, derY, geometry.derType, geometry.derCapacityKw, n,
                    lod.clusterCellPx(), w, h);
            clusterKey = key;
        }
        clustersDrawn = true;
        if (clusterCache.isEmpty()) {
            return;
        }
        // one path for every badge's fill, one per dominant type for the rings, then the counts
        g.setFill(CLUSTER_FILL);
        g.beginPath();
        for (DerClusters.Cluster c : clusterCache) {
            circle(g, c.x(), c.y(), clusterRadius(c));
        }
        g.fill();
        g.setLineWidth(1.6);
        g.setLineDashes();
        for (DerType type : DerType.values()) {
            boolean any = false;
            for (DerClusters.Cluster c : clusterCache) {
                if (c.dominantType() == type) {
                    if (!any) {
                        g.beginPath();
                        any = true;
                    }
                    circle(g, c.x(), c.y(), clusterRadius(c));
                }
            }
            if (any) {
                g.setStroke(MapPalette.der(type));
                g.stroke();
            }
        }
        g.setFont(CLUSTER_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BASELINE);
        g.setFill(CLUSTER_TEXT);
        for (DerClusters.Cluster c : clusterCache) {
            if (clusterRadius(c) >= 7) {
                // on the badge's own light fill: no halo needed
                g.fillText(Integer.toString(c.count()), c.x(), c.y() + 3.2);
            }
            staticElements++;
        }
    }

    /** Whether {@code (x, y)} lies on one of the DER cluster circles as drawn. */
    static boolean onCluster(List<DerClusters.Cluster> clusters, double x, double y) {
        for (DerClusters.Cluster c : clusters) {
            double r = clusterRadius(c) + 1;
            double dx = c.x() - x;
            double dy = c.y() - y;
            if (dx * dx + dy * dy <= r * r) {
                return true;
            }
        }
        return false;
    }

    private static double clusterRadius(DerClusters.Cluster c) {
        return Math.min(13, 4 + Math.sqrt(c.count()) * 1.1);
    }

    private static void circle(GraphicsContext g, double x, double y, double r) {
        g.moveTo(x + r, y);
        g.arc(x, y, r, r, 0, 360);
        g.closePath();
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

    private void drawSubstations(GraphicsContext g, double z, LevelOfDetail lod, double w, double h) {
        GridSubstation[] ordered = geometry.substations;
        List<Object[]> labels = new ArrayList<>();
        // Dense views fill all halos, then all symbols of one colour, as one path each (few rasterizer calls).
        boolean dense = ordered.length > DENSE_SUBSTATIONS;
        List<double[]> halos = new ArrayList<>();
        Map<Color, List<double[]>> bodies = new java.util.LinkedHashMap<>();
        List<double[]> hatches = new ArrayList<>();
        for (int i = 0; i < ordered.length; i++) {
            GridSubstation s = ordered[i];
            if (Double.isNaN(geometry.subLon[i]) || s.nominalKv() < lod.minSubstationKv()) {
                continue;
            }
            double cx = ax * geometry.subLon[i] + bx;
            double cy = ay * geometry.subMerc[i] + by;
            double size = LevelOfDetail.substationSize(s.nominalKv(), z);
            if (!Culling.pointVisible(cx, cy, size, w, h)) {
                continue;
            }
            boolean isStale = stale.test(s.id());
            double x = cx - size / 2;
            double y = cy - size / 2;
            if (s.id().equals(selectedId)) {
                g.setFill(MapPalette.SELECTION.deriveColor(0, 1, 1, 0.35));
                g.fillOval(cx - size * 1.4, cy - size * 1.4, size * 2.8, size * 2.8);
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
                g.setStroke(HATCH);
                g.setLineWidth(1);
                g.strokeLine(x, y + size, x + size, y);
            }
            subX[i] = cx;
            subY[i] = cy;
            subDrawn[i] = true;
            staticElements++;
            if (visibility.labels() && lod.substationLabels()) {
                labels.add(new Object[]{s, cx, cy, size});
            }
        }
        if (dense) {
            fillRects(g, MapPalette.HALO, halos);
            bodies.forEach((colour, rects) -> fillRects(g, colour, rects));
            if (!hatches.isEmpty()) {
                g.setStroke(HATCH);
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
            double x = (double) l[1];
            double y = (double) l[2];
            double size = (double) l[3];
            double top = y + size / 2 + 2;
            if (placer.tryPlace(x, top, LabelPlacer.estimateWidth(s.id(), 10), 12)) {
                label(g, s.id(), x, top + 9.5, LABEL_FONT, MapPalette.LABEL);
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
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.strokeText(text, x, y);
        g.setFill(color);
        g.fillText(text, x, y);
    }

    /** A growable list of ints, so the per-frame batches box nothing. */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }
    }
}
