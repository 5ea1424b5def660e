package org.plurigrid.console.plugins.spi;

/**
 * An extension of the console found by {@link java.util.ServiceLoader}: it contributes one view to the navigation
 * rail. Register an implementation in {@code META-INF/services/org.plurigrid.console.plugins.spi.ConsolePlugin}; a jar
 * dropped into {@code <home>/plugins} must also declare the SPI version it was built for in its manifest
 * ({@value PluginApi#MANIFEST_ATTRIBUTE}: {@link PluginApi#VERSION}), see {@link PluginApi}.
 * Plugins see the console only through {@link PluginContext}: read-only feeds, never the services behind them.
 *
 * <p>The console isolates plugins: each jar has its own class loader; a plugin that throws while loading, building
 * its view or handling a frame is disabled with a message naming it; {@link #createView} runs off the FX thread with a
 * time limit; {@link PluginView#onFrame} has a time budget per frame.
 */
public interface ConsolePlugin {

    /** Stable id, lower-case letters, digits and dashes, e.g. {@code data-quality}. */
    String id();

    /** Title shown in the navigation rail. */
    String title();

    /** One sentence for the plugin manager; empty by default. */
    default String description() {
        return "";
    }

    /**
     * Builds the plugin's view; called once, on a background thread (JavaFX nodes may be built off the FX thread as
     * long as they are not yet shown), within {@link PluginApi#CREATE_VIEW_LIMIT}.
     */
    PluginView createView(PluginContext context);
}
