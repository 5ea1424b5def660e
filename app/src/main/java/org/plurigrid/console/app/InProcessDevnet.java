package org.plurigrid.console.app;

/**
 * The devnet the console starts for itself when no broker is given: an embedded MQTT broker on loopback and the
 * simulated fleet. {@link DevnetLauncher} brings one up; closing it stops fleet and broker.
 */
interface InProcessDevnet extends AutoCloseable {

    /** Where the fleet publishes, e.g. {@code tcp://127.0.0.1:1883}. */
    String mqttUri();

    /** The Sparkplug topic filter covering the fleet, e.g. {@code spBv1.0/#}. */
    String topicFilter();

    @Override
    void close();
}
