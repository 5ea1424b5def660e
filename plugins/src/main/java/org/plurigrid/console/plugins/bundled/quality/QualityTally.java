package org.plurigrid.console.plugins.bundled.quality;

import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts points by quality for each community grid (Sparkplug group), from the stream of coalesced changes.
 * Pure computation, kept apart from its rendering.
 */
public final class QualityTally {

    /** One row of the tally: a community grid and how many of its points are in each quality. */
    public record GridQuality(String grid, Map<Quality, Integer> counts) {
        public GridQuality {
            counts = Map.copyOf(counts);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int count(Quality q) {
            return counts.getOrDefault(q, 0);
        }

        /** Share of points that are GOOD, 0..1; 1 for an empty grid. */
        public double goodShare() {
            int total = total();
            return total == 0 ? 1.0 : (double) count(Quality.GOOD) / total;
        }
    }

    private final Map<PointId, Quality> latest = new HashMap<>();
    private final Map<String, EnumMap<Quality, Integer>> byGrid = new TreeMap<>();

    /** Counts {@code state} alone: it replaced everything before it (a replay seek, back to live). */
    public void replaceWith(List<Measurement> state) {
        latest.clear();
        byGrid.clear();
        accept(state);
    }

    public void accept(List<Measurement> changes) {
        for (Measurement m : changes) {
            Quality before = latest.put(m.id(), m.quality());
            if (before == m.quality()) {
                continue;
            }
            EnumMap<Quality, Integer> counts = byGrid.computeIfAbsent(m.id().group(), g -> new EnumMap<>(Quality.class));
            if (before != null) {
                counts.merge(before, -1, Integer::sum);
            }
            counts.merge(m.quality(), 1, Integer::sum);
        }
    }

    public List<GridQuality> rows() {
        return byGrid.entrySet().stream()
                .map(e -> new GridQuality(e.getKey(), e.getValue()))
                .toList();
    }
}
