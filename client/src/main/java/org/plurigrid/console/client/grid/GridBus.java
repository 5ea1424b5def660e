package org.plurigrid.console.client.grid;

import java.util.Objects;

/** An electrical node (bus view) with its solved voltage; NaN where no power flow has run. */
public record GridBus(String id, String substationId, double nominalKv, double voltagePu, double angleDeg) {
    public GridBus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(substationId, "substationId");
    }
}
