package org.plurigrid.console.views.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

/**
 * The console's high-performance HMI theme (ISA-101 spirit): where the stylesheet lives and the few colours that
 * must be set from code because TilesFX paints its tiles itself. The Java colours mirror the looked-up colours at
 * the top of {@code hmi-theme.css}; change both together.
 */
public final class Theme {

    /** Panel background of tiles, as {@code -hmi-panel}. */
    public static final Color PANEL = Color.web("#e4e5e6");
    /** Primary text, as {@code -hmi-text}. */
    public static final Color TEXT = Color.web("#1f2326");
    /** Secondary text (titles, units), as {@code -hmi-text-muted}. */
    public static final Color TEXT_MUTED = Color.web("#4d5358");
    /** Equipment and trend lines drawn in muted grey, as {@code -hmi-equipment}. */
    public static final Color EQUIPMENT = Color.web("#6b7378");
    /** Track behind bars, as {@code -hmi-equipment-light}. */
    public static final Color EQUIPMENT_LIGHT = Color.web("#b9bdc0");
    /** Diagnostic abnormal (communications, decoding): distinct from the four alarm colours, as {@code -hmi-diagnostic}. */
    public static final Color DIAGNOSTIC = Color.web("#0b5cad");

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
