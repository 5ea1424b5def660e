package org.plurigrid.console.views.dr;

/** One sample of the live trend: seconds since the dispatch, requested and delivered kW. */
public record TrendPoint(double seconds, double requestedKw, double deliveredKw) {
}
