package org.plurigrid.console.maplayers.layers;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A map label: centred text on a halo of the map's background, readable over lines and tints. */
final class MapLabel {

    private MapLabel() {
    }

    static void draw(GraphicsContext g, String text, double x, double y, Font font, Color color) {
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
}
