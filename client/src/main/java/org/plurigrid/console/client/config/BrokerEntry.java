package org.plurigrid.console.client.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.plurigrid.console.client.telemetry.BrokerRules;
import org.plurigrid.console.client.telemetry.MqttVersion;

/**
 * One broker of {@code console.json} as the connection editor reads and writes it: values as written in the file
 * (paths not resolved, passwords not decrypted). {@link ConsoleConfigWriter} writes it back;
 * {@link ConsoleConfig#read} then checks it fully (files exist, passwords decrypt).
 *
 * @param origin        the broker's name in the file when it was read, empty for a new broker; lets the writer keep
 *                      keys the editor does not show (e.g. {@code reconnect}) and the stored passwords
 * @param clientId      empty = a random id per run (only with a clean start)
 * @param sessionExpiry how long a persistent session lasts ({@code cleanStart=false} only)
 * @param hostId        Sparkplug host id on this broker; empty = the file's top-level {@code hostId}
 */
public record BrokerEntry(String origin, String name, String uri, MqttVersion version, String clientId,
                          Duration keepAlive, boolean cleanStart, Duration sessionExpiry, String username,
                          StoredSecret password, Optional<TlsEntry> tls, List<String> topicFilters, String hostId) {

    public BrokerEntry {
        origin = origin == null ? "" : origin;
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(version, "version");
        clientId = clientId == null ? "" : clientId.strip();
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        if (!cleanStart && clientId.isEmpty()) {
            throw new IllegalArgumentException("a persistent session needs a fixed client id");
        }
        username = username == null ? "" : username;
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        topicFilters = List.copyOf(topicFilters);
        hostId = hostId == null ? "" : hostId.strip();
    }

    /** What is wrong with a broker URI as the console needs it, or empty when it is usable. */
    public static Optional<String> uriProblem(String text) {
        return BrokerRules.uri(text);
    }

    public boolean isNew() {
        return origin.isEmpty();
    }
}
