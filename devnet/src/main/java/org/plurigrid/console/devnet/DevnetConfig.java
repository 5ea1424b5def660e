package org.plurigrid.console.devnet;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import org.plurigrid.console.devnet.fleet.FleetConfig;

/**
 * What the devnet starts.
 *
 * @param mqttPort        port of the embedded broker on 127.0.0.1; 0 picks a free one (ignored with an external broker)
 * @param externalBroker  {@code tcp://HOST:PORT} of a broker to publish the fleet to instead of starting one, or null
 * @param devices         number of simulated DER devices (at least 6: one per community grid)
 * @param publishRateHz   fleet steps per second; each step publishes the metrics that changed
 * @param seed            seed of the fleet's layout and physics
 * @param simTimeOfDay    local solar time the simulated clock starts at (e.g. 12:00 for daylight), or null for real time
 * @param gridStep        how often the grid EMS solves the demo supergrid's power flow and publishes it, or null to run
 *                        the fleet alone
 */
public record DevnetConfig(int mqttPort, String externalBroker, int devices, double publishRateHz, long seed,
                           LocalTime simTimeOfDay, Duration gridStep) {

    public static final int DEFAULT_MQTT_PORT = 1883;
    /** Power flow every 5 s: AC on the demo grid takes ~0.1 s warm, so this stays cheap on two cores. */
    public static final Duration DEFAULT_GRID_STEP = Duration.ofSeconds(5);

    /** With the grid EMS at its default step. */
    public DevnetConfig(int mqttPort, String externalBroker, int devices, double publishRateHz, long seed,
                        LocalTime simTimeOfDay) {
        this(mqttPort, externalBroker, devices, publishRateHz, seed, simTimeOfDay, DEFAULT_GRID_STEP);
    }

    public DevnetConfig {
        if (gridStep != null && (gridStep.isNegative() || gridStep.toMillis() < 100)) {
            throw new IllegalArgumentException("Grid step must be at least 100 ms, was " + gridStep);
        }
        if (mqttPort < 0 || mqttPort > 65_535) {
            throw new IllegalArgumentException("MQTT port must be 0..65535, was " + mqttPort);
        }
        if (externalBroker != null) {
            URI uri;
            try {
                uri = URI.create(externalBroker);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Broker must look like tcp://HOST:PORT, was " + externalBroker, e);
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("tcp|ssl|ws|wss") || uri.getHost() == null) {
                throw new IllegalArgumentException("Broker must look like tcp://HOST:PORT, was " + externalBroker);
            }
        }
        // Validates devices, rate and seed with the fleet's own rules.
        new FleetConfig(devices, publishRateHz, seed, simTimeOfDay);
    }

    /** Embedded broker on port 1883, 360 devices at 1 step/s, seed 42, real time. */
    public static DevnetConfig defaults() {
        FleetConfig fleet = FleetConfig.defaults();
        return new DevnetConfig(DEFAULT_MQTT_PORT, null, fleet.devices(), fleet.publishRateHz(), fleet.seed(),
                fleet.simTimeOfDay());
    }

    public DevnetConfig withMqttPort(int port) {
        return new DevnetConfig(port, externalBroker, devices, publishRateHz, seed, simTimeOfDay, gridStep);
    }

    public DevnetConfig withExternalBroker(String uri) {
        return new DevnetConfig(mqttPort, uri, devices, publishRateHz, seed, simTimeOfDay, gridStep);
    }

    public DevnetConfig withDevices(int count) {
        return new DevnetConfig(mqttPort, externalBroker, count, publishRateHz, seed, simTimeOfDay, gridStep);
    }

    public DevnetConfig withPublishRateHz(double rate) {
        return new DevnetConfig(mqttPort, externalBroker, devices, rate, seed, simTimeOfDay, gridStep);
    }

    public DevnetConfig withSeed(long newSeed) {
        return new DevnetConfig(mqttPort, externalBroker, devices, publishRateHz, newSeed, simTimeOfDay, gridStep);
    }

    public DevnetConfig withSimTimeOfDay(LocalTime time) {
        return new DevnetConfig(mqttPort, externalBroker, devices, publishRateHz, seed, time, gridStep);
    }

    /** The grid EMS every {@code step}. */
    public DevnetConfig withGridStep(Duration step) {
        return new DevnetConfig(mqttPort, externalBroker, devices, publishRateHz, seed, simTimeOfDay, step);
    }

    /** The fleet alone, without the demo supergrid's power flow (starts ~5 s faster). */
    public DevnetConfig withoutGrid() {
        return new DevnetConfig(mqttPort, externalBroker, devices, publishRateHz, seed, simTimeOfDay, null);
    }

    FleetConfig fleetConfig() {
        return new FleetConfig(devices, publishRateHz, seed, simTimeOfDay);
    }
}
