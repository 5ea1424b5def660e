package org.plurigrid.console.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginContext;
import org.plurigrid.console.plugins.spi.PluginRegistry;
import org.plurigrid.console.plugins.spi.PluginView;
import org.plurigrid.console.views.common.FramePump;
import org.plurigrid.console.views.shell.NavigationEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns installed plugins into navigation entries after the built-in ones. Plugin views are built at start-up and
 * fed by the frame pump from the first frame (a tally that starts counting only when opened would mislead).
 * A plugin that fails, or takes an id already in use, is logged and left out.
 */
final class PluginEntries {

    private static final Logger LOG = LoggerFactory.getLogger(PluginEntries.class);

    private PluginEntries() {
    }

    static List<NavigationEntry> create(PluginRegistry registry, PluginContext context, FramePump pump, Set<String> takenIds) {
        List<NavigationEntry> entries = new ArrayList<>();
        for (ConsolePlugin plugin : registry.plugins()) {
            try {
                if (takenIds.contains(plugin.id())) {
                    LOG.warn("Plugin {} uses the id '{}' of a built-in view; it is left out", plugin.getClass().getName(), plugin.id());
                    continue;
                }
                PluginView view = plugin.createView(context);
                NavigationEntry entry = new NavigationEntry(plugin.id(), plugin.title(), view::node);
                pump.addListener(view::onFrame);
                entries.add(entry);
            } catch (RuntimeException e) {
                LOG.warn("Plugin {} failed to start; it is left out", plugin.getClass().getName(), e);
            }
        }
        return entries;
    }
}
