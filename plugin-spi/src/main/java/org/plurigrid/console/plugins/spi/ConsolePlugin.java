package org.plurigrid.console.plugins.spi;

import java.util.List;
import org.plurigrid.console.client.alarms.AlarmRule;
import org.plurigrid.console.client.dr.FlexibilityProvider;
import org.plurigrid.console.client.telemetry.TopicDecoder;

/**
 * An extension of the console found by {@link java.util.ServiceLoader}: it contributes a view to the navigation rail
 * (API 1.0) and, since API 1.1, telemetry decoders for topics the console does not read by itself and actions
 * on a selected asset. Register an implementation in {@code META-INF/services/org.plurigrid.console.plugins.spi.ConsolePlugin}; a jar
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

    /** Whether the plugin has a navigation entry; {@code false} for one that only decodes. Since API 1.1. */
    default boolean hasView() {
        return true;
    }

    /**
     * Builds the plugin's view; called once if {@link #hasView()}, on a background thread (JavaFX nodes may be built
     * off the FX thread as long as they are not yet shown), within {@link PluginApi#CREATE_VIEW_LIMIT}.
     */
    default PluginView createView(PluginContext context) {
        throw new UnsupportedOperationException(id() + " has no view");
    }

    /**
     * Decoders for MQTT topics that are not Sparkplug B (a vendor's format, say; the console's own JSON topic mapping
     * is such a decoder too, in a bundled plugin). Asked once at start-up, before the brokers connect: the console
     * subscribes to each decoder's filters on every broker (unless the broker's subscriptions cover them) and runs each
     * on a thread of its own, within {@link PluginApi#DECODE_LIMIT} per message; a decoder that throws or overruns is
     * switched off and the plugin shown as failed. A topic goes to the first decoder whose filters match, plugins from
     * the plugins folder before bundled ones. Since API 1.1.
     */
    default List<TopicDecoder> decoders() {
        return List.of();
    }

    /**
     * As {@link #decoders()}, with the plugin's context: its own section of {@code console.json} configures what it
     * decodes. The console calls this one; by default it returns {@link #decoders()}. Since API 1.4.
     */
    default List<TopicDecoder> decoders(PluginContext context) {
        return decoders();
    }

    /** Actions on a selected asset, for the alarm list's and the point table's context menus. Since API 1.1. */
    default List<AssetAction> assetActions() {
        return List.of();
    }

    /**
     * Alarm rules this plugin is the source of (an asset register's limits, a vendor's recommended alarms). Asked once
     * at start-up, off the FX thread; the engine runs them beside the operator's rules file, each id prefixed with the
     * plugin's ({@code data-quality.stale-feeder}). They are not written to the rules file and the rule editor does not
     * edit them; a disabled plugin's rules are not loaded at the next start. A plugin that throws while listing them,
     * or lists a null or a repeated id, is disabled and contributes none. Since API 1.2.
     */
    default List<AlarmRule> alarmRules() {
        return List.of();
    }

    /**
     * Estimators of devices' demand-response flexibility (an aggregator's model of its heat pumps, a vendor's
     * forecast): where one knows a device, its estimate replaces the console's own in the flexibility shown, in
     * proposals and in each device's share of a dispatch; devices of kinds the console has no rule for count in the
     * "other" column. Asked once at start-up, off the FX thread; each call estimates all devices of a target at once,
     * on a plugin thread, within {@link PluginApi#FLEXIBILITY_LIMIT}. A provider that throws, overruns or estimates a
     * value that is not a number ≥ 0 kW disables its plugin, and the console's own estimates apply again. Since API 1.3.
     */
    default List<FlexibilityProvider> flexibilityProviders() {
        return List.of();
    }

    /**
     * Layers of marks on the supergrid map, each with its own legend switch. Asked once at start-up; each layer's
     * marks are asked for every {@link MapOverlay#refresh()} on a plugin thread within {@link PluginApi#OVERLAY_LIMIT}.
     * A layer that throws, overruns, returns nothing, more than {@link PluginApi#OVERLAY_MAX_MARKS} marks or two with
     * one id disables its plugin, and its marks leave the map. Since API 1.3.
     */
    default List<MapOverlay> mapOverlays() {
        return List.of();
    }
}
