package org.plurigrid.console.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.config.ConsoleConfig;
import org.plurigrid.console.client.telemetry.MqttVersion;

/**
 * What the operator asked for on the command line, validated.
 *
 * @param home         the console's folder: configuration, keystore, recordings, logs
 * @param brokers      brokers to connect to; empty means: start the in-process devnet and use its broker
 * @param mqttVersion  protocol version towards the brokers
 * @param username     MQTT user name, if the brokers need one
 * @param passwordFile file holding the MQTT password (first line), so it never appears in the process list
 * @param devnetPort   port of the in-process devnet's broker; 0 = any free port
 * @param scale        display scale, 1.0 laptop … 2.0 video wall
 * @param config       {@code <home>/console.json} when it exists: configured brokers (TLS, auth, JSON mappings)
 * @param gridModel    the utility's grid model file for the map (XIIDM, CGMES, IEEE-CDF, MATPOWER); the devnet's demo
 *                     supergrid when absent on the devnet
 * @param chain        the Cosmos node for governance ({@code --node}, {@code --chain-id}, …); on the devnet its own chain
 *                     when absent
 */
public record ConsoleOptions(Path home, List<URI> brokers, MqttVersion mqttVersion, Optional<String> username,
                             Optional<Path> passwordFile, int devnetPort, double scale, Optional<ConsoleConfig> config,
                             Optional<Path> gridModel, Optional<ChainConfig> chain) {

    /** The MQTT port the in-process devnet tries first, so tools like mosquitto_sub find it. */
    public static final int DEFAULT_DEVNET_PORT = 1883;

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl");

    public ConsoleOptions {
        Objects.requireNonNull(home, "home");
        brokers = List.copyOf(brokers);
        Objects.requireNonNull(mqttVersion, "mqttVersion");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(gridModel, "gridModel");
        Objects.requireNonNull(chain, "chain");
        for (URI b : brokers) {
            if (b.getScheme() == null || !SCHEMES.contains(b.getScheme()) || b.getHost() == null || b.getPort() <= 0) {
                throw new IllegalArgumentException("--broker " + b
                        + ": expected a broker address like tcp://host:1883 or ssl://host:8883");
            }
        }
        if (passwordFile.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("--password-file needs --username as well");
        }
        if (devnetPort < 0 || devnetPort > 65_535) {
            throw new IllegalArgumentException("--devnet-port must be 0..65535, not " + devnetPort);
        }
        if (!(scale >= 0.75 && scale <= 3.0)) {
            throw new IllegalArgumentException("--scale must be between 0.75 and 3.0, not " + scale);
        }
    }

    /** Whether the console starts its own devnet: no broker on the command line nor in console.json. */
    public boolean usesDevnet() {
        return brokers.isEmpty() && config.map(c -> c.brokers().isEmpty()).orElse(true);
    }

    /** The same options with the configuration file read from the home folder. */
    public ConsoleOptions withConfig(ConsoleConfig c) {
        return new ConsoleOptions(home, brokers, mqttVersion, username, passwordFile, devnetPort, scale, Optional.of(c), gridModel, chain);
    }

    /** Defaults with the devnet broker on any free port (tests, several consoles side by side). */
    public ConsoleOptions withDevnetPort(int port) {
        return new ConsoleOptions(home, brokers, mqttVersion, username, passwordFile, port, scale, config, gridModel, chain);
    }

    public static ConsoleOptions defaults(Path home) {
        return new ConsoleOptions(home, List.of(), MqttVersion.V5, Optional.empty(), Optional.empty(),
                DEFAULT_DEVNET_PORT, 1.0, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
