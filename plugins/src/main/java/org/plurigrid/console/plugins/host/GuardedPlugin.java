package org.plurigrid.console.plugins.host;

import java.util.Objects;
import org.plurigrid.console.plugins.spi.ConsolePlugin;

/** A plugin that loaded and runs, with the guard every call into it goes through. */
public record GuardedPlugin(ConsolePlugin plugin, PluginGuard guard) {
    public GuardedPlugin {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(guard, "guard");
    }
}
