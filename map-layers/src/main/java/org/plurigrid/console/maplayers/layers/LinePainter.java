package org.plurigrid.console.maplayers.layers;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridSnapshot;

/**
 * Paints the lines of one tile of the {@link SupergridLayer}: plain lines batched by band, voltage class and
 * interconnector and stroked as one path per batch (calm, unknown and stale first, abnormal ones last by severity, so
 * they are never hidden), then the lines with a look of their own (selected, outaged, overloaded by the shown
 * contingency, disconnected) one by one. Reuses its batches between tiles, so a frame boxes nothing; FX thread.
 */
final class LinePainter {

    /** What lines are drawn from in one frame: the model, where it was projected, and the operator's choices. */
    record Scene(GridSnapshot snapshot, GridGeometry geometry, FramePositions at, Predicate<String> stale,
                 String selectedId, String outagedId, Set<String> contingencyOverloads, double zoom) {
    }

    private static final int KV_CLASSES = 4;
    private static final double[] KV_CLASS_REPRESENTATIVE = {345, 138, 69, 20};

    private final IntList[] buckets = new IntList[LoadingBand.values().length * KV_CLASSES * 2];
    private final IntList specials = new IntList();
    private GridSnapshot snapshot;
    private GridGeometry geometry;
    private FramePositions at;
    private Predicate<String> stale;
    private String selectedId;
    private String outagedId;
    private Set<String> contingencyOverloads;

    LinePainter() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new IntList();
        }
    }

    /**
     * Clears {@code tile} (whose top-left corner is at {@code originX, originY} of the layer) and paints the branches
     * in {@code lines}, each in the band its {@code lineLook} byte holds (low four bits: the band's ordinal).
     */
    void paintTile(Canvas tile, double originX, double originY, IntList lines, byte[] lineLook, Scene scene) {
        this.snapshot = scene.snapshot();
        this.geometry = scene.geometry();
        this.at = scene.at();
        this.stale = scene.stale();
        this.selectedId = scene.selectedId();
        this.outagedId = scene.outagedId();
        this.contingencyOverloads = scene.contingencyOverloads();
        double z = scene.zoom();
        GraphicsContext g = tile.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, tile.getWidth(), tile.getHeight());
        g.setTransform(1, 0, 0, 1, -originX, -originY);
        for (IntList bucket : buckets) {
            bucket.clear();
        }
        specials.clear();
        List<GridBranch> branches = snapshot.branches();
        LoadingBand[] bands = LoadingBand.values();
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
        for (LoadingBand band : List.of(LoadingBand.STALE, LoadingBand.UNKNOWN, LoadingBand.CALM)) {
            strokeBuckets(g, band, z);
        }
        drawSpecials(g, z, false);
        for (LoadingBand band : List.of(LoadingBand.AMBER, LoadingBand.RED, LoadingBand.OVERLOAD)) {
            strokeBuckets(g, band, z);
        }
        drawSpecials(g, z, true);
    }

    private static int kvClass(double kv) {
        return kv >= 300 ? 0 : kv >= 100 ? 1 : kv >= 30 ? 2 : 3;
    }

    static double branchWidth(GridBranch b, double z) {
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
        g.moveTo(at.px[off], at.py[off]);
        for (int j = 1; j < n; j++) {
            g.lineTo(at.px[off + j], at.py[off + j]);
        }
    }

    private void strokePath(GraphicsContext g, int i) {
        g.beginPath();
        appendPath(g, i);
        g.stroke();
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
                double mx = (at.px[first] + at.px[last]) / 2;
                double my = (at.py[first] + at.py[last]) / 2;
                g.setStroke(MapPalette.branch(LoadingBand.OVERLOAD, false));
                g.setLineWidth(2.2);
                g.strokeLine(mx - 6, my - 6, mx + 6, my + 6);
                g.strokeLine(mx - 6, my + 6, mx + 6, my - 6);
            }
        }
    }
}
