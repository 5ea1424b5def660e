package org.plurigrid.console.client.dr;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Where a device's past import can be read: the live tracker (what this session saw) or a recording (days of it).
 * Baselines are computed over it.
 */
@FunctionalInterface
public interface ImportHistory {

    /** Time-weighted mean import of {@code d} (kW, + drawn from the grid) over {@code [from, to)}; empty without data. */
    OptionalDouble meanImportKw(DerDevice d, Instant from, Instant to);

    /** The reader is done for now (one event's baselines): a history may close what it opened for them. */
    default void release() {
    }
}
