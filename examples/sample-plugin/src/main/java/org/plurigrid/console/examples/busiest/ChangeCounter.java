package org.plurigrid.console.examples.busiest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;

/** How often each point changed within a sliding window, bounded to the points seen in that window. */
public final class ChangeCounter {

    /** A point and its number of changes in the window. */
    public record Count(PointId point, int changes) {
    }

    private record Seen(Instant at, PointId point) {
    }

    private final Duration window;
    private final Deque<Seen> seen = new ArrayDeque<>();
    private final Map<PointId, Integer> counts = new HashMap<>();

    public ChangeCounter(Duration window) {
        this.window = window;
    }

    /** Counts one frame's changes, received at {@code now}, and forgets what fell out of the window. */
    public void record(Instant now, List<Measurement> changed) {
        for (Measurement m : changed) {
            seen.addLast(new Seen(now, m.id()));
            counts.merge(m.id(), 1, Integer::sum);
        }
        Instant oldest = now.minus(window);
        while (!seen.isEmpty() && seen.peekFirst().at().isBefore(oldest)) {
            PointId gone = seen.removeFirst().point();
            counts.computeIfPresent(gone, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    /** The {@code n} points that changed most often, most first (ties by point path). */
    public List<Count> top(int n) {
        return counts.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Count::changes).reversed().thenComparing(c -> c.point().path()))
                .limit(n)
                .toList();
    }
}
