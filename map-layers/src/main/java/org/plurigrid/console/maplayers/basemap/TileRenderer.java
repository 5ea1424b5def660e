package org.plurigrid.console.maplayers.basemap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Renders one 256×256 Web-Mercator tile of the basemap with AWT, in calm control-room greys (ISA-101 spirit: the
 * map is background, equipment and alarms are the foreground). Pure and thread-safe: no JavaFX, no shared state.
 */
public final class TileRenderer {

    public static final int TILE_SIZE = 256;

    /** Basemap palette: sea slightly darker and cooler than land, borders a quiet mid grey. */
    public static final Color SEA = new Color(0xB4, 0xB9, 0xBF);
    public static final Color LAND = new Color(0xD9, 0xD9, 0xD6);
    public static final Color BORDER = new Color(0x9C, 0x9E, 0xA0);

    private final BasemapData data;

    public TileRenderer(BasemapData data) {
        this.data = data;
    }

    public BufferedImage render(int zoom, long tx, long ty) {
        BufferedImage img = new BufferedImage(TILE_SIZE, TILE_SIZE, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(SEA);
            g.fillRect(0, 0, TILE_SIZE, TILE_SIZE);
            double scale = TILE_SIZE * (double) (1L << zoom);
            double ox = tx * (double) TILE_SIZE;
            double oy = ty * (double) TILE_SIZE;
            // world-unit window of this tile, with a small margin for strokes
            double margin = 2.0 / scale;
            double x0 = ox / scale - margin;
            double y0 = oy / scale - margin;
            double x1 = (ox + TILE_SIZE) / scale + margin;
            double y1 = (oy + TILE_SIZE) / scale + margin;
            g.setColor(LAND);
            for (BasemapData.Polygon p : data.land()) {
                if (p.intersects(x0, y0, x1, y1)) {
                    g.fill(path(p, scale, ox, oy));
                }
            }
            g.setColor(BORDER);
            g.setStroke(new BasicStroke(zoom >= 6 ? 1.0f : 0.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (BasemapData.Polygon p : data.countries()) {
                if (p.intersects(x0, y0, x1, y1)) {
                    g.draw(path(p, scale, ox, oy));
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static Path2D path(BasemapData.Polygon p, double scale, double ox, double oy) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (float[] ring : p.rings()) {
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            for (int i = 0; i < ring.length; i += 2) {
                double x = ring[i] * scale - ox;
                double y = ring[i + 1] * scale - oy;
                if (i == 0) {
                    path.moveTo(x, y);
                } else if (Math.abs(x - lastX) + Math.abs(y - lastY) >= 0.35 || i == ring.length - 2) {
                    // skip sub-pixel steps: at low zoom most of a 1:50m coastline collapses into a few pixels
                    path.lineTo(x, y);
                } else {
                    continue;
                }
                lastX = x;
                lastY = y;
            }
            path.closePath();
        }
        return path;
    }
}
