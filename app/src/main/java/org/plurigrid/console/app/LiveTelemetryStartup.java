package org.plurigrid.console.app;

/**
 * Starts the in-process devnet when no broker is given, then the MQTT telemetry pipeline.
 * Wired to {@code org.plurigrid.console.devnet.Devnet} and {@code org.plurigrid.console.client.telemetry.TelemetryService}
 * once those land on main.
 */
final class LiveTelemetryStartup implements TelemetryStartup {

    @Override
    public TelemetryBackend start(ConsoleOptions options, Progress progress) {
        throw new UnsupportedOperationException("the devnet and telemetry pipeline are not wired into this build yet");
    }
}
