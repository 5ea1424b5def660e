package org.plurigrid.console.maplayers.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.Locale;

/**
 * A small trend line of the selected asset's recent values on one Canvas (no nodes per point): the line, its range
 * and the latest value. Greyed and dashed when the data is not good, so a stale trend never looks live.
 */
final class Sparkline extends Canvas {

    private static final Color LINE = Color.web("#3C4650");
    private static final Color STALE = Color.web("#9AA0A6");
    private static final Color TEXT = Color.web("#2A2F34");
    private static final Color BAND = Color.web("#E4E6E8");

    Sparkline(double width, double height) {
        super(width, height);
        setId("map-sparkline");
    }

    void draw(Trend trend, boolean good) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(BAND);
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font("System", 10));
        if (trend == null || trend.size() == 0) {
            g.setFill(TEXT);
            g.fillText("no trend yet", 4, h / 2 + 3);
            return;
        }
        double[] v = trend.values();
        String head = String.format(Locale.ROOT, "%s %.1f %s", trend.label(), trend.last(), trend.unit());
        g.setFill(good ? TEXT : STALE);
        g.fillText(head, 4, 11);
        double[] range = yRange(v);
        if (range == null) {
            return;
        }
        double min = range[0];
        double max = range[1];
        double top = 15;
        double bottom = h - 3;
        double step = v.length > 1 ? (w - 8) / (v.length - 1) : 0;
        g.setStroke(good ? LINE : STALE);
        g.setLineWidth(1.5);
        g.setLineDashes(good ? null : new double[]{3, 3});
        g.beginPath();
        boolean pen = false;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                pen = false;
                continue;
            }
            double x = 4 + i * step;
            double y = bottom - (v[i] - min) / (max - min) * (bottom - top);
            if (pen) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                pen = true;
            }
        }
        g.stroke();
        g.setLineDashes(null);
        g.setFill(good ? TEXT : STALE);
        String scale = String.format(Locale.ROOT, "%.1f – %.1f", min, max);
        g.fillText(scale, w - 4 - scale.length() * 5.2, 11);
    }

    /**
     * The vertical scale for a trend: its lowest and highest value, or the value ± 0.5 when it is steady (so a steady
     * line sits mid-height instead of on the floor, where it reads as zero); null when there is no value at all.
     */
    static double[] yRange(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return null;
        }
        if (max - min < 1e-9) {
            return new double[]{min - 0.5, max + 0.5};
        }
        return new double[]{min, max};
    }
}
