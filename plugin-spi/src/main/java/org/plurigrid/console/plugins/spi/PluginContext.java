package org.plurigrid.console.plugins.spi;

import java.time.InstantSource;
import java.util.Objects;

/** What the console lends a plugin: the clock (live or replay) and the operator's display name. */
public record PluginContext(InstantSource clock, String operator) {
    public PluginContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(operator, "operator");
    }
}
