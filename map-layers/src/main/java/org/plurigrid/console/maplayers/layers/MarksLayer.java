package org.plurigrid.console.maplayers.layers;

import com.gluonhq.maps.MapLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.plurigrid.console.client.assets.MapMark;
import org.plurigrid.console.client.assets.MapOverlayMarks;

/**
 * Plugins' map overlays drawn over the supergrid: each mark a pin (a shape nothing else on the map has) in its status's
 * colour from the map's palette, never the plugin's, with a dot when quiet, "!" needing attention, "!!" in alarm and a
 * hollow dashed head when stale, so the status never depends on colour alone; labelled when zoomed in or when few are in
 * view. {@link Drawn} holds the point a pin marks (its tip); picking is on its head. One canvas, repainted when
 * the marks or the camera change.
 */
public final class MarksLayer extends MapLayer {

    /** The pin's head radius and how far above the marked point its centre is. */
    private static final double R = 6;
    private static final double HEAD_ABOVE = 11;
    private static final double PICK_PX = 9;
    /** Labels when zoomed in this far, or when no more marks than {@link #FEW} are in view. */
    private static final double LABEL_ZOOM = 10;
    private static final int FEW = 40;
    private static final Font LABEL_FONT = Font.font("System", FontWeight.NORMAL, 10);
    private static final Font GLYPH_FONT = Font.font("System", FontWeight.BOLD, 9);

    /** A mark as last drawn, in layer coordinates. */
    public record Drawn(String overlayId, MapMark mark, double x, double y) {
        /** Where its pin's head is, what a click or context menu must hit. */
        public javafx.geometry.Point2D head() {
            return new javafx.geometry.Point2D(x, headY(y));
        }
    }

    private final Canvas canvas = new Canvas();
    private final DoubleSupplier zoom;
    private List<MapOverlayMarks> overlays = List.of();
    private final List<Drawn> drawn = new ArrayList<>();

    public MarksLayer(DoubleSupplier zoom) {
        this.zoom = zoom;
        canvas.setMouseTransparent(true);
        getChildren().add(canvas);
    }

    /** The overlays to show now (the visible ones, in legend order). */
    public void setOverlays(List<MapOverlayMarks> visible) {
        this.overlays = List.copyOf(visible);
        markDirty();
    }

    /** The marks drawn in the last paint, for picking and tests. */
    public List<Drawn> drawn() {
        return List.copyOf(drawn);
    }

    /** The mark under a point of the layer (the nearest within a few pixels), if any. */
    public Optional<Drawn> pick(double x, double y) {
        Drawn best = null;
        double bestD = PICK_PX * PICK_PX;
        for (Drawn d : drawn) {
            double dx = d.x() - x;
            double dy = headY(d.y()) - y;
            double dd = dx * dx + dy * dy;
            if (dd <= bestD) {
                best = d;
                bestD = dd;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    protected void layoutLayer() {
        Node parent = getParent();
        double w = parent instanceof Region r ? r.getWidth() : 0;
        double h = parent instanceof Region r ? r.getHeight() : 0;
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        drawn.clear();
        if (overlays.isEmpty() || w <= 0 || h <= 0 || baseMap == null) {
            return;
        }
        MapProjection at = MapProjection.from(getMapPoint(MapProjection.LAT1, MapProjection.LON1),
                getMapPoint(MapProjection.LAT2, MapProjection.LON2));
        for (MapOverlayMarks o : overlays) {
            for (MapMark m : o.marks()) {
                double x = at.x(m.lon());
                double y = at.y(GridGeometry.mercator(m.lat()));
                if (x >= -R && y >= -R && x <= w + R && y <= h + HEAD_ABOVE + R) {
                    drawn.add(new Drawn(o.id(), m, x, y));
                }
            }
        }
        for (Drawn d : drawn) {
            paint(g, d.mark().status(), d.x(), d.y());
        }
        if (zoom.getAsDouble() >= LABEL_ZOOM || drawn.size() <= FEW) {
            for (Drawn d : drawn) {
                MapLabel.draw(g, d.mark().label(), d.x(), headY(d.y()) - R - 4, LABEL_FONT, MapPalette.LABEL);
            }
        }
    }

    /** Where a pin's head is drawn above the point it marks. */
    private static double headY(double y) {
        return y - HEAD_ABOVE;
    }

    private static void paint(GraphicsContext g, MapMark.Status status, double x, double y) {
        double hy = headY(y);
        double[] tailX = {x - R * 0.7, x + R * 0.7, x};
        double[] tailY = {hy + R * 0.6, hy + R * 0.6, y};
        Color fill = status == MapMark.Status.STALE ? MapPalette.HALO : MapPalette.mark(status);
        // halo so the pin reads over lines and tints
        g.setStroke(MapPalette.HALO);
        g.setLineWidth(4);
        g.strokeOval(x - R, hy - R, 2 * R, 2 * R);
        g.strokePolygon(tailX, tailY, 3);
        g.setFill(fill);
        g.fillPolygon(tailX, tailY, 3);
        g.fillOval(x - R, hy - R, 2 * R, 2 * R);
        if (status == MapMark.Status.STALE) {
            g.setStroke(MapPalette.mark(status));
            g.setLineWidth(1.5);
            g.setLineDashes(2.5, 2.5);
            g.strokeOval(x - R, hy - R, 2 * R, 2 * R);
            g.setLineDashes();
            return;
        }
        // the status in a glyph too, never by colour alone: a dot when quiet, ! needing attention, !! in alarm
        String glyph = switch (status) {
            case ATTENTION -> "!";
            case ALARM -> "!!";
            default -> "";
        };
        g.setFill(status == MapMark.Status.ATTENTION ? MapPalette.LABEL : Color.WHITE);
        if (glyph.isEmpty()) {
            g.fillOval(x - R * 0.35, hy - R * 0.35, R * 0.7, R * 0.7);
        } else {
            g.setFont(GLYPH_FONT);
            g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            g.setTextBaseline(javafx.geometry.VPos.CENTER);
            g.fillText(glyph, x, hy + 0.5);
        }
    }
}
