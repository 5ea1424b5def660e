package org.plurigrid.console.plugins.host;

import java.util.Objects;
import java.util.Optional;

/**
 * One plugin as the console sees it: who it is, where it came from ({@code bundled} or the jar's path), its state
 * and, when refused or failed, why.
 */
public record PluginInfo(String id, String title, String description, String version, String source,
                         PluginState state, Optional<String> problem) {

    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(problem, "problem");
    }

    PluginInfo with(PluginState newState, String why) {
        return new PluginInfo(id, title, description, version, source, newState, Optional.ofNullable(why));
    }
}
