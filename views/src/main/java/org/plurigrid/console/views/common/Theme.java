package org.plurigrid.console.views.common;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The console's high-performance HMI theme (ISA-101 spirit): where the stylesheet lives and how it scales. Every
 * colour is a looked-up colour at the top of {@code hmi-theme.css}; nothing in the views paints with its own copy.
 */
public final class Theme {

    /** Base font size in pixels at scale 1.0; everything else in the stylesheet is in em. */
    public static final double BASE_FONT_PX = 15;

    private Theme() {
    }

    /**
     * The stylesheet as JavaFX resolves it: a class-path path (views do no I/O and hold no URLs; the CSS loader
     * looks it up on the class path).
     */
    public static final String STYLESHEET = "org/plurigrid/console/views/common/hmi-theme.css";

    /** Adds the theme to a scene (idempotent). */
    public static void apply(Scene scene) {
        String css = STYLESHEET;
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }

    /**
     * Scales every text and em-based size under {@code root}: 1.0 for a laptop, 1.5–2.0 for a video wall read at 2 m.
     */
    public static void applyScale(Parent root, double scale) {
        root.setStyle("-fx-font-size: " + fontSizePx(scale) + "px;");
    }

    /** The root font size for a scale, clamped to a readable range. */
    public static double fontSizePx(double scale) {
        double clamped = Math.max(0.75, Math.min(3.0, scale));
        return Math.round(BASE_FONT_PX * clamped * 10) / 10.0;
    }
}
