package org.plurigrid.console.views.governance;

import javafx.scene.paint.Color;

/**
 * The control-room greys for TilesFX tiles, which take colours in code rather than CSS; the same values as the
 * console theme (hmi-theme.css). Saturated colour only for the abnormal: a veto share near or past its threshold.
 */
final class GovernancePalette {

    static final Color PANEL = Color.web("#e4e5e6");
    static final Color TEXT = Color.web("#1f2326");
    static final Color TEXT_MUTED = Color.web("#4d5358");
    static final Color BAR = Color.web("#7b838a");
    static final Color BAR_TRACK = Color.web("#cfd1d3");
    static final Color QUORUM_BAND = Color.web("#9aa3aa");
    static final Color VETO_AT_RISK = Color.web("#f07d00");
    static final Color VETO_REACHED = Color.web("#d0021b");

    private GovernancePalette() {
    }
}
