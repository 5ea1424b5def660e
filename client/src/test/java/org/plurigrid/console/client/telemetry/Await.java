package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or the time is up; the failure names what was awaited and what was seen. */
final class Await {

    private Await() {
    }

    static void until(Duration timeout, String what, BooleanSupplier condition, Supplier<Object> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last seen: "
                        + seen.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, what, condition, () -> "-");
    }
}
