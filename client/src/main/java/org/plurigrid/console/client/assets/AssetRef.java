package org.plurigrid.console.client.assets;

import java.util.Objects;
import org.plurigrid.console.client.telemetry.PointId;

/**
 * Something an operator can select and act on: a telemetry point (in the point table, or the point of an alarm), a
 * substation, a line or a DER of the grid model (on the map). {@code id} is the point's path
 * ({@code group/node/device/metric}) or the grid model's id.
 */
public record AssetRef(Kind kind, String id) {

    public enum Kind { POINT, SUBSTATION, LINE, DER }

    public AssetRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an asset needs an id");
        }
    }

    public static AssetRef point(PointId id) {
        return new AssetRef(Kind.POINT, id.path());
    }
}
