package org.plurigrid.console.client.assets;

import java.util.Objects;
import java.util.Optional;

/**
 * A place a source other than the grid model marks on the map (a plugin's meters, a field crew, a weather warning): a
 * position, a short label, a status the map draws in its own palette, and optionally the asset it stands for, which
 * clicking it selects and its context menu acts on.
 */
public record MapMark(String id, double lat, double lon, String label, Status status, Optional<AssetRef> asset) {

    /** The longest label kept; longer ones are cut with an ellipsis. */
    public static final int MAX_LABEL = 80;

    /** What the map says about the place: quiet, needing attention, in alarm, or with data too old to trust. */
    public enum Status { NORMAL, ATTENTION, ALARM, STALE }

    public MapMark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(asset, "asset");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a map mark needs an id");
        }
        if (!Double.isFinite(lat) || lat < -85 || lat > 85 || !Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("map mark '" + id + "' is not on the map: " + lat + ", " + lon);
        }
        label = label.length() <= MAX_LABEL ? label.strip() : label.substring(0, MAX_LABEL - 1).strip() + "…";
    }

    /** A mark that stands for nothing the console can select. */
    public MapMark(String id, double lat, double lon, String label, Status status) {
        this(id, lat, lon, label, status, Optional.empty());
    }
}
