package org.plurigrid.console.maplayers.layers;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.plurigrid.console.client.telemetry.DerType;
import org.plurigrid.console.client.grid.GridDer;

/**
 * Paints the DERs: one glyph per DER by type when zoomed in, count badges ringed in the dominant type's colour when
 * zoomed out. The clusters depend only on positions and the camera, not on live values: reused while neither changes.
 */
final class DerPainter {

    private static final Color CLUSTER_FILL = Color.web("#F4F4F1", 0.80);
    private static final Color CLUSTER_TEXT = Color.web("#3A4048");
    private static final Color STALE_DER = Color.web("#B5B8BB");
    private static final Font CLUSTER_FONT = Font.font("System", FontWeight.NORMAL, 9);

    /** What the cached clusters were computed for. */
    private record ClusterKey(GridGeometry geometry, MapProjection projection, double width, double height,
                              double cellPx) {
    }

    private List<DerClusters.Cluster> clusters = List.of();
    private ClusterKey clusterKey;
    /** The clusters are on screen (DERs shown, zoomed out far enough): picking respects them. */
    private boolean clustersDrawn;

    /** The clusters on screen, for picking; empty when DERs are drawn one by one or not at all. */
    List<DerClusters.Cluster> clustersOnScreen() {
        return clustersDrawn ? clusters : List.of();
    }

    /** Nothing of this painter is on screen (DERs hidden). */
    void hidden() {
        clustersDrawn = false;
    }

    /** @return the DERs or clusters drawn */
    int paint(GraphicsContext g, PaintFrame f, FramePositions at) {
        clustersDrawn = false;
        GridGeometry geometry = f.geometry();
        MapProjection p = f.projection();
        LevelOfDetail lod = f.lod();
        int n = geometry.derLon.length;
        int drawn = 0;
        if (lod.individualDers()) {
            List<GridDer> ders = f.snapshot().ders();
            for (int i = 0; i < n; i++) {
                double x = p.x(geometry.derLon[i]);
                double y = p.y(geometry.derMerc[i]);
                if (Double.isNaN(x) || !Culling.pointVisible(x, y, 4, f.width(), f.height())) {
                    continue;
                }
                GridDer d = ders.get(i);
                g.setFill(f.stale().test(d.id()) ? STALE_DER : MapPalette.der(d.type()));
                glyph(g, d.type(), x, y, 3.2);
                drawn++;
            }
            return drawn;
        }
        if (!lod.derClusters()) {
            return 0;
        }
        ClusterKey key = new ClusterKey(geometry, p, f.width(), f.height(), lod.clusterCellPx());
        if (!key.equals(clusterKey)) {
            for (int i = 0; i < n; i++) {
                at.derX[i] = p.x(geometry.derLon[i]);
                at.derY[i] = p.y(geometry.derMerc[i]);
            }
            clusters = DerClusters.cluster(at.derX, at.derY, geometry.derType, geometry.derCapacityKw, n,
                    lod.clusterCellPx(), f.width(), f.height());
            clusterKey = key;
        }
        clustersDrawn = true;
        if (clusters.isEmpty()) {
            return 0;
        }
        // one path for every badge's fill, one per dominant type for the rings, then the counts
        g.setFill(CLUSTER_FILL);
        g.beginPath();
        for (DerClusters.Cluster c : clusters) {
            circle(g, c.x(), c.y(), clusterRadius(c));
        }
        g.fill();
        g.setLineWidth(1.6);
        g.setLineDashes();
        for (DerType type : DerType.values()) {
            boolean any = false;
            for (DerClusters.Cluster c : clusters) {
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
        for (DerClusters.Cluster c : clusters) {
            if (clusterRadius(c) >= 7) {
                // on the badge's own light fill: no halo needed
                g.fillText(Integer.toString(c.count()), c.x(), c.y() + 3.2);
            }
            drawn++;
        }
        return drawn;
    }

    static double clusterRadius(DerClusters.Cluster c) {
        return Math.min(13, 4 + Math.sqrt(c.count()) * 1.1);
    }

    private static void circle(GraphicsContext g, double x, double y, double r) {
        g.moveTo(x + r, y);
        g.arc(x, y, r, r, 0, 360);
        g.closePath();
    }

    private static void glyph(GraphicsContext g, DerType type, double x, double y, double r) {
        switch (type) {
            case PV -> g.fillRect(x - r, y - r, 2 * r, 2 * r);
            case WIND -> g.fillPolygon(new double[]{x, x + r, x - r}, new double[]{y - r - 1, y + r, y + r}, 3);
            case BATTERY -> g.fillRoundRect(x - r, y - r * 0.7, 2 * r, 1.4 * r, 2, 2);
            case EV_CHARGER -> g.fillPolygon(new double[]{x, x + r, x, x - r}, new double[]{y - r, y, y + r, y}, 4);
            case FLEXIBLE_LOAD -> g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
