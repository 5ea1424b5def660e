package org.plurigrid.console.maplayers.layers;

/** Which sub-layers of the supergrid layer are switched on in the legend. */
public record LayerVisibility(boolean areas, boolean substations, boolean lines, boolean ders, boolean labels) {

    public static LayerVisibility all() {
        return new LayerVisibility(true, true, true, true, true);
    }
}
