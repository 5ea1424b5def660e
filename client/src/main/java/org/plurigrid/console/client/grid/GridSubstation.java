package org.plurigrid.console.client.grid;

import org.plurigrid.console.client.telemetry.DerType;
import java.util.Map;
import java.util.Objects;

/**
 * A substation as the map draws it. {@code position} is null when the model has no coordinates for it;
 * {@code areaId} is null when it belongs to no area.
 */
public record GridSubstation(String id, String name, String areaId, GeoPoint position, double nominalKv,
                             double loadMw, double generationMw, double voltagePu, Map<DerType, Integer> derCounts) {
    public GridSubstation {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        derCounts = Map.copyOf(derCounts);
        if (nominalKv < 0) {
            throw new IllegalArgumentException("nominal voltage must be >= 0 kV, was " + nominalKv);
        }
    }

    public int derCount() {
        return derCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean hasPosition() {
        return position != null;
    }
}
