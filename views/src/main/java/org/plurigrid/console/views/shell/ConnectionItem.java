package org.plurigrid.console.views.shell;

import java.util.Objects;

import org.plurigrid.console.client.telemetry.ConnectionState;

/** One broker or node connection as the status bar shows it: its name, a ready-made text and its state. */
public record ConnectionItem(String name, String text, ConnectionState state, String tooltip) {

    public ConnectionItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
        tooltip = tooltip == null ? "" : tooltip;
    }

    /** Anything but CONNECTED and CONNECTING is abnormal and shown with the diagnostic colour. */
    public boolean abnormal() {
        return state != ConnectionState.CONNECTED && state != ConnectionState.CONNECTING;
    }
}
