package org.plurigrid.console.client.grid;

import java.util.Objects;

/** A community grid (co-op): an area of the model with the co-op that owns it. */
public record GridArea(String id, String name, String owner, GeoPoint centre) {
    public GridArea {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        owner = owner == null ? "" : owner;
    }
}
