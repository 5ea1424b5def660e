package org.plurigrid.console.maplayers.layers;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints active alarms on the animated canvas: priority told three ways (STYLE.md), colour, shape and number, with a
 * ring pulsing around the asset. The colours are the theme's tokens once the view has read them from the scene.
 */
final class AlarmRingPainter {

    private static final Font ALARM_FONT = Font.font("System", FontWeight.BOLD, 11);

    private final Color[] colours = {AlarmSymbols.colour(1), AlarmSymbols.colour(2), AlarmSymbols.colour(3),
            AlarmSymbols.colour(4)};
    private final Color[] numberColours = {AlarmSymbols.numberColour(1), AlarmSymbols.numberColour(2),
            AlarmSymbols.numberColour(3), AlarmSymbols.numberColour(4)};

    void setColours(int priority, Color colour, Color number) {
        if (priority < 1 || priority > 4) {
            throw new IllegalArgumentException("priority 1..4, not " + priority);
        }
        colours[priority - 1] = Objects.requireNonNull(colour, "colour");
        numberColours[priority - 1] = Objects.requireNonNull(number, "number");
    }

    Color colour(int priority) {
        return colours[priority - 1];
    }

    Color numberColour(int priority) {
        return numberColours[priority - 1];
    }

    /**
     * @param alarms     priority 1..4 by asset id
     * @param screenPoint where an asset was drawn this frame, if it was
     * @param phase      the animation phase (px), which drives the pulse
     * @return the alarms drawn
     */
    int paint(GraphicsContext g, Map<String, Integer> alarms, Function<String, Optional<Point2D>> screenPoint,
              double phase, double w, double h) {
        if (alarms.isEmpty()) {
            return 0;
        }
        int drawn = 0;
        double pulse = 0.5 + 0.5 * Math.sin(phase / 4.0);
        g.setFont(ALARM_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (Map.Entry<String, Integer> a : alarms.entrySet()) {
            Optional<Point2D> at = screenPoint.apply(a.getKey());
            if (at.isEmpty() || !Culling.pointVisible(at.get().getX(), at.get().getY(), 20, w, h)) {
                continue;
            }
            double x = at.get().getX();
            double y = at.get().getY();
            int priority = Math.max(1, Math.min(4, a.getValue()));
            Color c = colours[priority - 1];
            double r = 9 + 4 * pulse;
            g.setStroke(c.deriveColor(0, 1, 1, 0.35 + 0.5 * (1 - pulse)));
            g.setLineWidth(2);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            double sx = x + 12;
            double sy = y - 14;
            g.setFill(c);
            AlarmSymbols.fillShape(g, priority, sx, sy, 8);
            g.setFill(numberColours[priority - 1]);
            g.fillText(Integer.toString(priority), sx, sy + (priority == 3 ? 1.5 : 0));
            drawn++;
        }
        return drawn;
    }
}
