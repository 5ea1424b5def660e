package org.plurigrid.console.maplayers.layers;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.plurigrid.console.client.grid.GridArea;

/** Paints the community-grid areas: a light tint inside each hull, a dashed outline (faint when stale), the name. */
final class AreaPainter {

    private static final Font AREA_FONT = Font.font("System", FontWeight.BOLD, 11);
    /** The hull is grown this far so border substations sit inside the tint. */
    private static final double GROW_PX = 14;

    private AreaPainter() {
    }

    /** @return the areas drawn */
    static int paint(GraphicsContext g, PaintFrame f) {
        List<GridArea> areas = f.snapshot().areas();
        GridGeometry geometry = f.geometry();
        MapProjection p = f.projection();
        int drawn = 0;
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
                cx += p.x(lon[j]);
                cy += p.y(merc[j]);
            }
            cx /= k;
            cy /= k;
            double[] xs = new double[k];
            double[] ys = new double[k];
            double top = Double.MAX_VALUE;
            for (int j = 0; j < k; j++) {
                double x = p.x(lon[j]);
                double y = p.y(merc[j]);
                double dx = x - cx;
                double dy = y - cy;
                double len = Math.max(1, Math.hypot(dx, dy));
                xs[j] = x + dx / len * GROW_PX;
                ys[j] = y + dy / len * GROW_PX;
                top = Math.min(top, ys[j]);
            }
            GridArea a = areas.get(i);
            Color c = MapPalette.area(i);
            g.setFill(c.deriveColor(0, 1, 1, 0.10));
            g.fillPolygon(xs, ys, k);
            g.setStroke(c.deriveColor(0, 1, 1, f.stale().test(a.id()) ? 0.25 : 0.55));
            g.setLineWidth(1.2);
            g.setLineDashes(6, 4);
            g.strokePolygon(xs, ys, k);
            g.setLineDashes();
            if (f.visibility().labels()) {
                MapLabel.draw(g, a.name().toUpperCase(), cx, top - 6, AREA_FONT, c.deriveColor(0, 1, 0.7, 0.9));
            }
            drawn++;
        }
        return drawn;
    }
}
