package org.plurigrid.console.views.dr;

import java.util.Objects;
import org.plurigrid.console.client.dr.CongestionRelief;

/** A branch the operator may relieve: in the base case or after an outage (N-1), with its loading, % of its limit. */
public record CongestionRow(CongestionRelief.Congestion congestion, double loadingPercent) {
    public CongestionRow {
        Objects.requireNonNull(congestion, "congestion");
    }

    public boolean overloaded() {
        return loadingPercent > 100;
    }

    public boolean n1() {
        return congestion.contingency().isPresent();
    }
}
