package org.plurigrid.console.plugins.spi;

/**
 * An extension of the console found by {@link java.util.ServiceLoader}: it contributes one view to the navigation
 * rail. Register an implementation in {@code META-INF/services/org.plurigrid.console.plugins.spi.ConsolePlugin}.
 * Plugins see the console only through {@link PluginContext}: read-only feeds, never the services behind them.
 */
public interface ConsolePlugin {

    /** Stable id, lower-case with dashes, e.g. {@code data-quality}. */
    String id();

    /** Title shown in the navigation rail. */
    String title();

    /** Builds the plugin's view; called once, on the FX thread. */
    PluginView createView(PluginContext context);
}
