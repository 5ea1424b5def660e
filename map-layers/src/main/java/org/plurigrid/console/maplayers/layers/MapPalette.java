package org.plurigrid.console.maplayers.layers;

import javafx.scene.paint.Color;

/**
 * The map's colours, ISA-101 spirit: equipment in muted greys that sit quietly on the basemap, saturated colour
 * reserved for abnormal loading. Area tints are desaturated so six co-ops stay distinguishable but calm.
 */
public final class MapPalette {

    private MapPalette() {
    }

    public static Color branch(LoadingBand band, boolean interconnector) {
        return switch (band) {
            case CALM -> interconnector ? Color.web("#3E4852") : Color.web("#5F6870");
            case AMBER -> Color.web("#E08A00");
            case RED -> Color.web("#D0211C");
            case OVERLOAD -> Color.web("#C0169B");
            case UNKNOWN -> Color.web("#8C9399");
            case STALE -> Color.web("#A6AAAE");
        };
    }

    /** Substation fill by voltage class: darker for higher voltage. */
    public static Color substation(double kv, boolean stale) {
        if (stale) {
            return Color.web("#A6AAAE");
        }
        if (kv >= 300) {
            return Color.web("#2B323A");
        }
        if (kv >= 100) {
            return Color.web("#46505A");
        }
        if (kv >= 30) {
            return Color.web("#69727B");
        }
        return Color.web("#8A9199");
    }

    private static final String[] AREA = {"#5B7A99", "#7A8F5B", "#99765B", "#6E5B99", "#5B9991", "#995B7A"};

    /** A muted tint per area index (stable for the order of areas in the snapshot). */
    public static Color area(int index) {
        return Color.web(AREA[Math.floorMod(index, AREA.length)]);
    }

    public static Color der(org.plurigrid.console.client.grid.DerType type) {
        return switch (type) {
            case PV -> Color.web("#8C8456");
            case WIND -> Color.web("#5E7F8C");
            case BATTERY -> Color.web("#6F7F5E");
            case EV_CHARGER -> Color.web("#6E6A8C");
            case FLEXIBLE_LOAD -> Color.web("#8C6E62");
        };
    }

    public static final Color SELECTION = Color.web("#1F6FD1");
    public static final Color LABEL = Color.web("#2A2F34");
    public static final Color HALO = Color.web("#E6E6E3", 0.85);
}
