package org.plurigrid.console.client.telemetry;

/** Publishes a command (e.g. a Sparkplug NCMD) on the connection the data came from; never blocks the caller. */
@FunctionalInterface
public interface CommandPublisher {
    void publish(String topic, byte[] payload);
}
