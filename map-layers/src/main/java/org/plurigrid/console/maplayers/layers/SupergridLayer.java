package org.plurigrid.console.maplayers.layers;

import com.gluonhq.maps.MapLayer;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridSnapshot;

import java.util.ArrayList;
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
    private StaticKey staticKey;
    private int staticElements;
    private int lineElements;
    private int staticRedraws;
    /** What the lines canvas shows per branch (drawn, band, connected) and for which camera: unchanged means no repaint. */
    private byte[] lineLook = new byte[0];
    private byte[] lastLineLook = new byte[0];
    private LinesKey linesKey;
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

    /** Web-Mercator to layer pixels for this frame (see {@link #redraw}). */
    private MapProjection projection = MapProjection.NONE;
    private final DerPainter derPainter = new DerPainter();
    private final AlarmRingPainter alarmPainter = new AlarmRingPainter();
    private final FramePositions at = new FramePositions();

    /** Above this many lines on screen the moving flow dashes are left out: they cannot be told apart anyway. */
    static final int MAX_ANIMATED_BRANCHES = 2500;

    private final LinePainter linePainter = new LinePainter();
    private final FlowDashPainter flowDashes = new FlowDashPainter();
    /** The animated overlay was last cleared with nothing drawn on it. */
    private boolean overlayBlank;
    private int drawnAlarms;

    /**
     * @param zoom the map's current zoom (the layer cannot read it from Gluon's public API)
     */
    public SupergridLayer(DoubleSupplier zoom) {
        this.zoom = zoom;
        for (Canvas c : List.of(areasCanvas, symbolsCanvas, overlay)) {
            c.setMouseTransparent(true);
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
        alarmPainter.setColours(priority, colour, number);
        redrawOverlay();
    }

    /** The colour the map draws priority 1..4 in (tests: the map and the alarm list agree). */
    public Color alarmColour(int priority) {
        return alarmPainter.colour(priority);
    }

    /** The colour of the number on priority 1..4's shape. */
    public Color alarmNumberColour(int priority) {
        return alarmPainter.numberColour(priority);
    }

    /** Advances the flow-direction animation (phase in px along the line); repaints only the animated overlay. */
    public void setFlowPhase(double phase) {
        this.flowPhase = phase;
        if (flowDashes.count() == 0 && alarms.isEmpty() && overlayBlank) {
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
        return at.screenPointOf(geometry, id);
    }

    /** The substations drawn inside the rectangle between two corners (layer coordinates), by id: a lasso. */
    public List<String> substationsWithin(double x0, double y0, double x1, double y1) {
        if (geometry == null) {
            return List.of();
        }
        double left = Math.min(x0, x1);
        double right = Math.max(x0, x1);
        double top = Math.min(y0, y1);
        double bottom = Math.max(y0, y1);
        List<String> out = new java.util.ArrayList<>();
        for (var s : geometry.substations) {
            at.screenPointOf(geometry, s.id()).filter(p -> p.getX() >= left && p.getX() <= right && p.getY() >= top
                    && p.getY() <= bottom).ifPresent(p -> out.add(s.id()));
        }
        out.sort(null);
        return out;
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
        return MapPicking.pick(geometry, at, derPainter.clustersOnScreen(), x, y);
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
        flowDashes.clear(0);
        if (snapshot == null || w <= 0 || h <= 0 || baseMap == null) {
            geometry = null;
            staticKey = null;
            linesKey = null;
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
            at.sizeFor(geometry);
            flowDashes.clear(geometry.branchIds.length);
            lineLook = new byte[geometry.branchIds.length];
            lastLineLook = new byte[geometry.branchIds.length];
            bMinX = new double[geometry.branchIds.length];
            bMinY = new double[geometry.branchIds.length];
            bMaxX = new double[geometry.branchIds.length];
            bMaxY = new double[geometry.branchIds.length];
        }
        projection = MapProjection.from(getMapPoint(MapProjection.LAT1, MapProjection.LON1),
                getMapPoint(MapProjection.LAT2, MapProjection.LON2));
        double z = zoom.getAsDouble();
        LevelOfDetail lod = LevelOfDetail.forZoom(z);
        StaticKey key = new StaticKey(geometry, projection, w, h, z, visibility, selectedId, staleMarks(lod),
                lod.individualDers() ? staticRedraws : -1);
        if (!key.equals(staticKey)) {
            // areas and symbols change with the camera, the model, the selection or quality; not with live values
            staticKey = key;
            staticRedraws++;
            staticElements = 0;
            java.util.Arrays.fill(at.subDrawn, false);
            GraphicsContext areas = areasCanvas.getGraphicsContext2D();
            GraphicsContext symbols = symbolsCanvas.getGraphicsContext2D();
            areas.clearRect(0, 0, w, h);
            symbols.clearRect(0, 0, w, h);
            PaintFrame frame = new PaintFrame(snapshot, geometry, projection, w, h, z, lod, visibility, stale,
                    selectedId);
            if (visibility.areas()) {
                staticElements += AreaPainter.paint(areas, frame);
            }
            derPainter.hidden();
            if (visibility.ders()) {
                staticElements += derPainter.paint(symbols, frame, at);
            }
            if (visibility.substations()) {
                staticElements += SubstationPainter.paint(symbols, frame, at);
            }
        }
        java.util.Arrays.fill(at.branchDrawn, false);
        if (visibility.lines()) {
            drawBranches(z, lod, w, h);
        } else if (linesKey != null) {
            clearLineTiles();
            linesKey = null;
        }
        redrawOverlay();
    }

    /**
     * Exactly which substations and areas are stale (the only live state the static canvases show); individual DERs
     * are repainted with every frame instead, as they are few at the zooms that show them.
     */
    private StaleMarks staleMarks(LevelOfDetail lod) {
        return StaleMarks.of(visibility.substations() ? geometry.substations : null, lod.minSubstationKv(),
                visibility.areas() ? snapshot.areas() : null, stale);
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
        linesKey = null; // new canvases are blank: paint them all
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
        overlayBlank = geometry == null || snapshot == null || (flowDashes.count() == 0 && alarms.isEmpty());
        if (geometry == null || snapshot == null) {
            return;
        }
        flowDashes.paint(g, snapshot.branches(), geometry, at, flowPhase);
        drawnAlarms = alarmPainter.paint(g, alarms, this::screenPointOf, flowPhase, w, h);
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
                double x = projection.x(lon[j]);
                double y = projection.y(merc[j]);
                at.px[off + j] = x;
                at.py[off + j] = y;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
            if (Culling.segmentVisible(minX, minY, maxX, maxY, 4, w, h) && (maxX - minX) + (maxY - minY) >= 1) {
                at.branchDrawn[i] = true;
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
            if (!at.branchDrawn[i]) {
                continue;
            }
            GridBranch b = branches.get(i);
            boolean isStale = stale.test(b.id());
            LoadingBand band = LoadingBand.of(b.loadingPercent(), isStale);
            lineLook[i] = (byte) (0x40 | (b.connected() ? 0x20 : 0) | band.ordinal());
            if (animate && b.connected() && !isStale && Math.abs(b.p1Mw()) > 0.5) {
                // the dashes stop at the substation symbols, which are drawn below them on the other canvas
                flowDashes.add(i, LinePainter.branchWidth(b, z), band.abnormal(),
                        visibility.substations() ? LevelOfDetail.substationSize(b.nominalKv(), z) / 2 + 2 : 0);
            }
            lineElements++;
        }
        // live values that leave every visible line in its band change nothing on screen: keep the painted lines;
        // a line that changed band repaints only the tiles under it; a new camera or model repaints every tile
        LinesKey key = new LinesKey(geometry, projection, w, h, z, visibility, selectedId, outagedId,
                contingencyOverloads);
        boolean all = !key.equals(linesKey);
        if (all) {
            for (IntList list : tileLines) {
                list.clear();
            }
            for (int i = 0; i < n; i++) {
                if (at.branchDrawn[i]) {
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
        LinePainter.Scene scene = new LinePainter.Scene(snapshot, geometry, at, stale, selectedId, outagedId,
                contingencyOverloads, z);
        for (int t = 0; t < lineTiles.length; t++) {
            if (dirtyTiles[t]) {
                linePainter.paintTile(lineTiles[t], (t % tilesX) * LINE_TILE_PX, (t / tilesX) * LINE_TILE_PX, tileLines[t],
                        lineLook, scene);
                lineTileRepaints++;
            }
        }
    }

    /** What the area and symbol canvases show: unchanged means no repaint. */
    private record StaticKey(GridGeometry geometry, MapProjection projection, double width, double height,
                             double zoom, LayerVisibility visibility, String selectedId, StaleMarks stale,
                             int derFrame) {
    }

    /** What the line tiles show besides each line's look: unchanged means only lines that changed look repaint. */
    private record LinesKey(GridGeometry geometry, MapProjection projection, double width, double height,
                            double zoom, LayerVisibility visibility, String selectedId, String outagedId,
                            java.util.Set<String> contingencyOverloads) {
    }
}
