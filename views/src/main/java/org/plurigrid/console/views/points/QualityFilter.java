package org.plurigrid.console.views.points;

import org.plurigrid.console.client.telemetry.Quality;

/** Which rows the point table shows by quality. */
public enum QualityFilter {
    ALL("All qualities"),
    NOT_GOOD("Stale, bad or lost only");

    private final String label;

    QualityFilter(String label) {
        this.label = label;
    }

    public boolean accepts(Quality q) {
        return this == ALL || q != Quality.GOOD;
    }

    @Override
    public String toString() {
        return label;
    }
}
