package org.plurigrid.console.app;

/**
 * Brings up what feeds the console (devnet, brokers, telemetry pipeline). Runs on a start-up thread, never on the
 * FX thread; reports what it is doing so the window can say so while the operator waits.
 */
@FunctionalInterface
public interface TelemetryStartup {

    /** Receives short progress notes, e.g. ("devnet", "in-process", "starting broker"). */
    interface Progress {
        void report(String name, String endpoint, String detail);
    }

    TelemetryBackend start(ConsoleOptions options, Progress progress) throws Exception;
}
