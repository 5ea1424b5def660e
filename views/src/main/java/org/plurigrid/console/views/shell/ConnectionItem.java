package org.plurigrid.console.views.shell;

import java.util.Objects;

import org.plurigrid.console.client.telemetry.ConnectionState;

/** One broker or node connection as the status bar shows it: its name, a ready-made text and its state. */
public record ConnectionItem(String name, String text, ConnectionState state, String tooltip, boolean warned) {

    public ConnectionItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
        tooltip = tooltip == null ? "" : tooltip;
    }

    public ConnectionItem(String name, String text, ConnectionState state, String tooltip) {
        this(name, text, state, tooltip, false);
    }

    /**
     * Anything but CONNECTED and CONNECTING is abnormal and shown with the diagnostic colour; so is a connection with
     * a standing security warning (TLS host name not verified), whatever its state.
     */
    public boolean abnormal() {
        return warned || state != ConnectionState.CONNECTED && state != ConnectionState.CONNECTING;
    }
}
