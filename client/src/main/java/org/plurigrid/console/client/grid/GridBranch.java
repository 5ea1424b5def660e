package org.plurigrid.console.client.grid;

import java.util.List;
import java.util.Objects;

/**
 * A line, transformer or tie line as the map draws it. {@code path} runs from side 1 to side 2 (at least the two
 * substation positions when both are known, else empty). {@code p1Mw} is the active power entering at side 1,
 * so a positive value flows from side 1 to side 2. {@code loadingPercent} is NaN without a current limit or flow.
 */
public record GridBranch(String id, String name, Kind kind, String substation1Id, String substation2Id,
                         List<GeoPoint> path, double nominalKv, double p1Mw, double q1Mvar, double currentA,
                         double limitA, double loadingPercent, boolean interconnector, boolean connected) {

    /** What the branch is in the model. */
    public enum Kind { LINE, TRANSFORMER, TIE_LINE }

    public GridBranch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? id : name;
        path = List.copyOf(path);
    }

    public boolean hasPath() {
        return path.size() >= 2;
    }
}
