package org.plurigrid.console.client.telemetry;

import java.util.Objects;

/** A snapshot of one connection for the status bar: which endpoint, its state, how often it reconnected, why. */
public record ConnectionStatus(String name, String endpoint, ConnectionState state, int reconnects, String detail) {
    public ConnectionStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
    }
}
