package org.plurigrid.console.plugins.spi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the installed plugins. A plugin that fails to load is reported and left out, so one broken jar on the
 * class path never stops the console from starting.
 */
public final class PluginRegistry {

    private static final Logger log = LoggerFactory.getLogger(PluginRegistry.class);

    private final List<ConsolePlugin> plugins;
    private final List<String> failures;

    private PluginRegistry(List<ConsolePlugin> plugins, List<String> failures) {
        this.plugins = List.copyOf(plugins);
        this.failures = List.copyOf(failures);
    }

    public static PluginRegistry load(ClassLoader loader) {
        List<ConsolePlugin> found = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        var iterator = ServiceLoader.load(ConsolePlugin.class, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                ConsolePlugin plugin = iterator.next();
                if (found.stream().anyMatch(p -> p.id().equals(plugin.id()))) {
                    failures.add("Plugin id '" + plugin.id() + "' is installed twice; the second copy ("
                            + plugin.getClass().getName() + ") is ignored.");
                    continue;
                }
                found.add(plugin);
            } catch (ServiceConfigurationError e) {
                failures.add("A plugin could not be loaded: " + e.getMessage());
                log.warn("Plugin failed to load", e);
            }
        }
        failures.forEach(log::warn);
        found.sort(Comparator.comparing(ConsolePlugin::title));
        return new PluginRegistry(found, failures);
    }

    public List<ConsolePlugin> plugins() {
        return plugins;
    }

    /** Messages for the operator about plugins that were left out. */
    public List<String> failures() {
        return failures;
    }
}
