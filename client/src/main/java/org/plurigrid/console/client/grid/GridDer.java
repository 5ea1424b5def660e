package org.plurigrid.console.client.grid;

import org.plurigrid.console.client.telemetry.DerType;
import java.util.Objects;

/** One distributed energy resource hung under a substation; {@code powerKw} in the telemetry sign convention. */
public record GridDer(String id, DerType type, String substationId, GeoPoint position, double capacityKw, double powerKw) {
    public GridDer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(substationId, "substationId");
        if (capacityKw < 0) {
            throw new IllegalArgumentException("capacity must be >= 0 kW, was " + capacityKw);
        }
    }
}
