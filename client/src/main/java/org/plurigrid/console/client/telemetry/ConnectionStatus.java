package org.plurigrid.console.client.telemetry;

import java.util.Objects;

/**
 * A snapshot of one connection for the status bar: which endpoint, its state, how often it reconnected, why, and a
 * standing security warning about how it is configured (empty when none), e.g. TLS host name verification off.
 */
public record ConnectionStatus(String name, String endpoint, ConnectionState state, int reconnects, String detail,
                               String warning) {
    public ConnectionStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
        warning = warning == null ? "" : warning;
    }

    /** A connection without a standing warning. */
    public ConnectionStatus(String name, String endpoint, ConnectionState state, int reconnects, String detail) {
        this(name, endpoint, state, reconnects, detail, "");
    }

    /** The standing warning for {@code config}: TLS that accepts any certificate its CAs signed for any host. */
    public static String warningFor(BrokerConfig config) {
        return config.tls().map(t -> !t.verifyHostname()).orElse(false) ? "TLS host name not verified" : "";
    }
}
