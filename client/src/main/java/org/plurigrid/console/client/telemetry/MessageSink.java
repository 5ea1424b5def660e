package org.plurigrid.console.client.telemetry;

/** Where a {@link TelemetryClient} hands what it receives; called on the MQTT callback thread, must not block. */
public interface MessageSink {

    void onMessage(String topic, byte[] payload);

    /** The broker connection dropped: whatever came through it can no longer be trusted. */
    default void onConnectionLost() {
    }
}
