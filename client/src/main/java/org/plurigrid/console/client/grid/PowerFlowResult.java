package org.plurigrid.console.client.grid;

import java.time.Duration;
import java.util.Objects;

/**
 * Outcome of one power-flow run. {@code mode} is the method that produced the values (AC, or DC after AC failed);
 * {@code iterations} is the Newton-Raphson iteration count of the main component (0 for DC).
 */
public record PowerFlowResult(Mode mode, Status status, int iterations, Duration elapsed, String message) {

    public enum Mode { AC, DC }

    public enum Status {
        /** The solver converged; the model holds consistent flows and voltages. */
        CONVERGED,
        /** AC failed and DC gave approximate active flows only. */
        FALLBACK_CONVERGED,
        /** Nothing converged; the flows in the model are not to be trusted. */
        FAILED
    }

    public PowerFlowResult {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(elapsed, "elapsed");
        message = message == null ? "" : message;
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, was " + iterations);
        }
    }

    public boolean ok() {
        return status != Status.FAILED;
    }

    /** True when AC did not converge and the values are DC approximations (active flows only, voltages at 1 pu). */
    public boolean dcFallback() {
        return mode == Mode.DC;
    }
}
