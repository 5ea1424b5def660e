package org.plurigrid.console.maplayers.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.plurigrid.console.client.grid.GridSubstation;

/**
 * Paints the substations: squares sized and shaded by voltage class on a halo, greyed and hatched when stale, the
 * selection ringed, and labels where they do not collide (highest voltage and the selection first).
 */
final class SubstationPainter {

    /** Above this many substations their symbols are filled as batched paths. */
    static final int DENSE_SUBSTATIONS = 2000;

    private static final Color HATCH = Color.web("#6B7075");
    private static final Font LABEL_FONT = Font.font("System", FontWeight.NORMAL, 10);

    private record Label(GridSubstation substation, double x, double y, double size) {
    }

    private SubstationPainter() {
    }

    /** @return the substations drawn; their positions are left in {@code at} */
    static int paint(GraphicsContext g, PaintFrame f, FramePositions at) {
        GridGeometry geometry = f.geometry();
        MapProjection p = f.projection();
        LevelOfDetail lod = f.lod();
        String selectedId = f.selectedId();
        GridSubstation[] ordered = geometry.substations;
        List<Label> labels = new ArrayList<>();
        // Dense views fill all halos, then all symbols of one colour, as one path each (few rasterizer calls).
        boolean dense = ordered.length > DENSE_SUBSTATIONS;
        List<double[]> halos = new ArrayList<>();
        Map<Color, List<double[]>> bodies = new LinkedHashMap<>();
        List<double[]> hatches = new ArrayList<>();
        int drawn = 0;
        for (int i = 0; i < ordered.length; i++) {
            GridSubstation s = ordered[i];
            if (Double.isNaN(geometry.subLon[i]) || s.nominalKv() < lod.minSubstationKv()) {
                continue;
            }
            double cx = p.x(geometry.subLon[i]);
            double cy = p.y(geometry.subMerc[i]);
            double size = LevelOfDetail.substationSize(s.nominalKv(), f.zoom());
            if (!Culling.pointVisible(cx, cy, size, f.width(), f.height())) {
                continue;
            }
            boolean isStale = f.stale().test(s.id());
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
            at.subX[i] = cx;
            at.subY[i] = cy;
            at.subDrawn[i] = true;
            drawn++;
            if (f.visibility().labels() && lod.substationLabels()) {
                labels.add(new Label(s, cx, cy, size));
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
        Collections.reverse(labels);
        labels.sort(Comparator.comparing((Label l) -> !l.substation().id().equals(selectedId)));
        for (Label l : labels) {
            double top = l.y() + l.size() / 2 + 2;
            String id = l.substation().id();
            if (placer.tryPlace(l.x(), top, LabelPlacer.estimateWidth(id, 10), 12)) {
                MapLabel.draw(g, id, l.x(), top + 9.5, LABEL_FONT, MapPalette.LABEL);
            }
        }
        return drawn;
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
}
