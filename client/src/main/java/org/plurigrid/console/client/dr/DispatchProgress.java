package org.plurigrid.console.client.dr;

import java.time.Duration;
import org.plurigrid.console.client.chain.TxStep;

/** What a dispatch reports as it goes, in order: a view-model renders each case, a script logs it. */
public sealed interface DispatchProgress {

    /** A step of the transaction started (simulate, sign, broadcast, inclusion). */
    record Submitting(TxStep step, String detail) implements DispatchProgress {
    }

    /** The transaction is in block {@code height}: device commands follow. */
    record Included(String eventId, String txHash, long height) implements DispatchProgress {
    }

    /** DCMDs went out to {@code devices} devices in {@code took}. */
    record Commanded(int devices, Duration took) implements DispatchProgress {
    }

    /**
     * Where days of history are recorded, the baselines of {@code fromHistory} of the event's {@code devices} devices
     * are now "X of Y days" ({@code method}, e.g. "high 5 of 10 days"); the others stay meter-before.
     */
    record Baselines(String eventId, int fromHistory, int devices, String method) implements DispatchProgress {
    }

    /** One device's state changed (acknowledged, responding, failed, offline, restored). */
    record DeviceUpdate(DerDevice device, DeviceState state) implements DispatchProgress {
    }

    /** A device that did not acknowledge was commanded again. */
    record Retried(DerDevice device, int attempt) implements DispatchProgress {
    }
}
