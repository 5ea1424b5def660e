package org.plurigrid.console.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.MqttVersion;
import picocli.CommandLine.Option;

/**
 * {@code --broker URI [--mqtt-version 5|3.1.1] [--topic FILTER]…}: one broker named on the command line, for the
 * commands that otherwise read the brokers of {@code <home>/console.json}.
 */
public final class BrokerOptions {

    @Option(names = "--broker", description = "Broker URI, tcp://host:port or ssl://host:port (else --home).")
    String broker;

    @Option(names = "--mqtt-version", defaultValue = "5", description = "5 or 3.1.1 (default ${DEFAULT-VALUE}).")
    String mqttVersion;

    @Option(names = "--topic", description = "Topic filter (repeatable; default spBv1.0/#).")
    List<String> topics;

    /** Refuses both or neither of {@code --broker} and the command's {@code --home}: the brokers come from one of them. */
    void requireBrokerOrHome(Path home) {
        if ((broker == null) == (home == null)) {
            throw new CliException("Give exactly one of --broker URL or --home DIR.");
        }
    }

    /** The broker of {@code --broker}, reconnecting quickly as a short command needs; the command adds what else it takes. */
    BrokerConfig.Builder builder() {
        BrokerConfig.Builder b = BrokerConfig.builder("cli", broker).version(switch (mqttVersion) {
            case "5", "5.0" -> MqttVersion.V5;
            case "3.1.1" -> MqttVersion.V3_1_1;
            default -> throw new CliException("--mqtt-version must be 5 or 3.1.1, got " + mqttVersion);
        }).reconnectDelay(Duration.ofMillis(500), Duration.ofSeconds(5));
        if (topics != null && !topics.isEmpty()) {
            b.topicFilters(topics);
        }
        return b;
    }
}
