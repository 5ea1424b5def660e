package org.plurigrid.console.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the operator asked for on the command line, validated.
 *
 * @param home         the console's folder: configuration, keystore, recordings, logs
 * @param brokers      brokers to connect to; empty means: start the in-process devnet and use its broker
 * @param mqttVersion  protocol version towards the brokers
 * @param username     MQTT user name, if the brokers need one
 * @param passwordFile file holding the MQTT password (first line), so it never appears in the process list
 * @param scale        display scale, 1.0 laptop … 2.0 video wall
 */
public record ConsoleOptions(Path home, List<URI> brokers, MqttVersion mqttVersion, Optional<String> username,
                             Optional<Path> passwordFile, double scale) {

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    public ConsoleOptions {
        Objects.requireNonNull(home, "home");
        brokers = List.copyOf(brokers);
        Objects.requireNonNull(mqttVersion, "mqttVersion");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordFile, "passwordFile");
        for (URI b : brokers) {
            if (b.getScheme() == null || !SCHEMES.contains(b.getScheme()) || b.getHost() == null) {
                throw new IllegalArgumentException("--broker " + b
                        + ": expected a broker address like tcp://host:1883 (schemes: tcp, ssl, ws, wss)");
            }
        }
        if (passwordFile.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("--password-file needs --username as well");
        }
        if (!(scale >= 0.75 && scale <= 3.0)) {
            throw new IllegalArgumentException("--scale must be between 0.75 and 3.0, not " + scale);
        }
    }

    /** Whether the console starts its own devnet (no broker given). */
    public boolean usesDevnet() {
        return brokers.isEmpty();
    }

    public static ConsoleOptions defaults(Path home) {
        return new ConsoleOptions(home, List.of(), MqttVersion.V5, Optional.empty(), Optional.empty(), 1.0);
    }
}
