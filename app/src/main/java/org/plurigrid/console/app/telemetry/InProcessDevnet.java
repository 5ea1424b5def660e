package org.plurigrid.console.app.telemetry;

import java.util.Optional;

import org.plurigrid.console.devnet.Devnet;

/**
 * The devnet the console starts for itself when no broker is given: an embedded MQTT broker on loopback and the
 * simulated fleet. {@link DevnetLauncher} brings one up; closing it stops fleet and broker.
 */
public interface InProcessDevnet extends AutoCloseable {

    /** Where the fleet publishes, e.g. {@code tcp://127.0.0.1:1883}. */
    public String mqttUri();

    /** The Sparkplug topic filter covering the fleet, e.g. {@code spBv1.0/#}. */
    public String topicFilter();

    /**
     * The Sparkplug host application id the devnet's edge nodes follow (they birth again when it comes online); the
     * console connects under it. Empty: none, the console relies on Rebirth requests.
     */
    public default String primaryHostId() {
        return "";
    }

    /** The running devnet itself (fleet, fault injection), for tests; empty when there is none behind this. */
    public default Optional<Devnet> devnet() {
        return Optional.empty();
    }

    @Override
    public void close();
}
