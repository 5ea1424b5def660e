package org.plurigrid.console.plugins.host;

/** Where a plugin stands, as the plugin manager and {@code plugins list} show it. */
public enum PluginState {
    /** Loaded and running. */
    ENABLED("enabled"),
    /** Switched off by the operator; not loaded. */
    DISABLED("disabled"),
    /** Not loaded: incompatible API version, unreadable jar, no plugin in it, or an id already taken. */
    REFUSED("refused"),
    /** Loaded, then disabled because it threw or overran its time limits. */
    FAILED("failed");

    private final String label;

    PluginState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
