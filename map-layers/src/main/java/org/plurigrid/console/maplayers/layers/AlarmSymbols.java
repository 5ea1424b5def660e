package org.plurigrid.console.maplayers.layers;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The console's alarm priority code (STYLE.md): 1 critical red square, 2 high orange diamond, 3 medium yellow
 * triangle, 4 low purple circle, always with the number, so no operator depends on colour alone.
 */
public final class AlarmSymbols {

    private AlarmSymbols() {
    }

    /**
     * The priority's colour when the map runs without the console theme (its own tests, benchmarks). Inside the
     * console the map takes the theme's tokens {@code -hmi-alarm-N} from the scene instead (SupergridMapView), and a
     * test in app pins that the two agree.
     */
    public static Color colour(int priority) {
        return switch (priority) {
            case 1 -> Color.web("#d0021b");
            case 2 -> Color.web("#f07d00");
            case 3 -> Color.web("#f2c300");
            default -> Color.web("#9b30b8");
        };
    }

    /** The number's colour on the priority's shape without the theme: white on red and purple, dark otherwise. */
    public static Color numberColour(int priority) {
        return priority == 2 || priority == 3 ? Color.web("#1f2326") : Color.WHITE;
    }

    /** Name of the shape for a priority (for tests and accessibility text). */
    public static String shape(int priority) {
        return switch (priority) {
            case 1 -> "square";
            case 2 -> "diamond";
            case 3 -> "triangle";
            default -> "circle";
        };
    }

    static void fillShape(GraphicsContext g, int priority, double x, double y, double r) {
        switch (priority) {
            case 1 -> g.fillRect(x - r, y - r, 2 * r, 2 * r);
            case 2 -> g.fillPolygon(new double[]{x, x + r * 1.2, x, x - r * 1.2}, new double[]{y - r * 1.2, y, y + r * 1.2, y}, 4);
            case 3 -> g.fillPolygon(new double[]{x, x + r * 1.2, x - r * 1.2}, new double[]{y - r * 1.3, y + r, y + r}, 3);
            default -> g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
