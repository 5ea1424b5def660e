package org.plurigrid.console.maplayers.layers;

import javafx.scene.paint.Color;

/**
 * The map's colours, ISA-101 spirit: equipment in muted greys that sit quietly on the basemap, saturated colour
 * reserved for abnormal loading. Area tints are desaturated so six co-ops stay distinguishable but calm. Every colour
 * is a constant: the map asks for them tens of thousands of times a frame.
 */
public final class MapPalette {

    private static final Color LINE = Color.web("#5F6870");
    private static final Color INTERCONNECTOR = Color.web("#3E4852");
    private static final Color AMBER = Color.web("#E08A00");
    private static final Color RED = Color.web("#D0211C");
    private static final Color OVERLOAD = Color.web("#C0169B");
    private static final Color UNKNOWN = Color.web("#8C9399");
    private static final Color STALE = Color.web("#A6AAAE");
    private static final Color KV_300 = Color.web("#2B323A");
    private static final Color KV_100 = Color.web("#46505A");
    private static final Color KV_30 = Color.web("#69727B");
    private static final Color KV_LOW = Color.web("#8A9199");
    private static final Color[] AREA = {Color.web("#5B7A99"), Color.web("#7A8F5B"), Color.web("#99765B"),
        Color.web("#6E5B99"), Color.web("#5B9991"), Color.web("#995B7A")};
    private static final Color DER_PV = Color.web("#8C8456");
    private static final Color DER_WIND = Color.web("#5E7F8C");
    private static final Color DER_BATTERY = Color.web("#6F7F5E");
    private static final Color DER_EV = Color.web("#6E6A8C");
    private static final Color DER_LOAD = Color.web("#8C6E62");

    public static final Color SELECTION = Color.web("#1F6FD1");
    public static final Color LABEL = Color.web("#2A2F34");
    public static final Color HALO = Color.web("#E6E6E3", 0.85);

    private MapPalette() {
    }

    public static Color branch(LoadingBand band, boolean interconnector) {
        return switch (band) {
            case CALM -> interconnector ? INTERCONNECTOR : LINE;
            case AMBER -> AMBER;
            case RED -> RED;
            case OVERLOAD -> OVERLOAD;
            case UNKNOWN -> UNKNOWN;
            case STALE -> STALE;
        };
    }

    /** Substation fill by voltage class: darker for higher voltage. */
    public static Color substation(double kv, boolean stale) {
        if (stale) {
            return STALE;
        }
        if (kv >= 300) {
            return KV_300;
        }
        if (kv >= 100) {
            return KV_100;
        }
        if (kv >= 30) {
            return KV_30;
        }
        return KV_LOW;
    }

    /** A muted tint per area index (stable for the order of areas in the snapshot). */
    public static Color area(int index) {
        return AREA[Math.floorMod(index, AREA.length)];
    }

    /** A plugin's map mark by its status: equipment grey when quiet, the loading band's amber and red otherwise. */
    public static Color mark(org.plurigrid.console.client.assets.MapMark.Status status) {
        return switch (status) {
            case NORMAL -> KV_100;
            case ATTENTION -> AMBER;
            case ALARM -> RED;
            case STALE -> STALE;
        };
    }

    public static Color der(org.plurigrid.console.client.telemetry.DerType type) {
        return switch (type) {
            case PV -> DER_PV;
            case WIND -> DER_WIND;
            case BATTERY -> DER_BATTERY;
            case EV_CHARGER -> DER_EV;
            case FLEXIBLE_LOAD -> DER_LOAD;
        };
    }
}
