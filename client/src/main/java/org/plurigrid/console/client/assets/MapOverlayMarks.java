package org.plurigrid.console.client.assets;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one overlay (a plugin's map layer) shows now: its id ({@code pluginId/overlay}), the title its legend switch
 * carries, its marks, when they were taken, and why it shows none if it failed ({@code problem}, empty otherwise).
 */
public record MapOverlayMarks(String id, String title, List<MapMark> marks, Instant at, String problem) {
    public MapOverlayMarks {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(problem, "problem");
        marks = List.copyOf(marks);
    }
}
