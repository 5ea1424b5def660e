package org.plurigrid.console.devnet;

import java.time.InstantSource;
import java.util.Objects;
import org.plurigrid.console.devnet.broker.EmbeddedBroker;
import org.plurigrid.console.devnet.fleet.Fleet;
import org.plurigrid.console.devnet.fleet.SparkplugNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local supergrid in a box, and the composition root of the devnet: an embedded MQTT broker (unless an external
 * one is given) and the simulated Sparkplug B fleet publishing to it. Close it to stop everything, fleet first so
 * its NDEATHs still reach the broker.
 */
public final class Devnet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Devnet.class);

    private final DevnetConfig config;
    private final EmbeddedBroker broker;
    private final String mqttUri;
    private final Fleet fleet;

    private Devnet(DevnetConfig config, EmbeddedBroker broker, String mqttUri, Fleet fleet) {
        this.config = config;
        this.broker = broker;
        this.mqttUri = mqttUri;
        this.fleet = fleet;
    }

    /** Starts the devnet on the system clock. */
    public static Devnet start(DevnetConfig config) {
        return start(config, InstantSource.system());
    }

    /** Starts the devnet; {@code clock} stamps the payloads and (shifted by the sim-time option) drives the physics. */
    public static Devnet start(DevnetConfig config, InstantSource clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        EmbeddedBroker broker = config.externalBroker() == null ? EmbeddedBroker.start(config.mqttPort()) : null;
        String uri = broker != null ? broker.uri() : config.externalBroker();
        try {
            Fleet fleet = Fleet.start(config.fleetConfig(), uri, clock);
            return new Devnet(config, broker, uri, fleet);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    /** The MQTT broker the fleet publishes to, e.g. {@code tcp://127.0.0.1:1883}. */
    public String mqttUri() {
        return mqttUri;
    }

    /** True when the devnet runs its own broker (no external broker was given). */
    public boolean hasEmbeddedBroker() {
        return broker != null;
    }

    /** The Sparkplug B topic filter that covers the whole fleet. */
    public String sparkplugTopicFilter() {
        return SparkplugNode.NAMESPACE + "/#";
    }

    public Fleet fleet() {
        return fleet;
    }

    public DevnetConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            fleet.close();
        } finally {
            if (broker != null) {
                broker.close();
            }
            log.info("Devnet stopped");
        }
    }
}
