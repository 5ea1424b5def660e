package org.plurigrid.console.plugins.spi;

import java.time.InstantSource;
import java.util.Objects;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What the console lends a plugin: the clock (live or replay), the operator's display name and, since API 1.4, the
 * plugin's own section of {@code console.json} ({@code "plugins": {"<plugin id>": { … }}}; an empty object when
 * there is none, or outside a configured home). The section is the plugin's to read as it likes; the console does not
 * interpret it, and a copy is handed out each time {@link #config()} is called.
 */
public record PluginContext(InstantSource clock, String operator, JsonNode config) {
    public PluginContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(config, "config");
        if (!config.isObject()) {
            throw new IllegalArgumentException("a plugin's configuration is a JSON object, got " + config.getNodeType());
        }
        config = config.deepCopy();
    }

    /** Without configuration. */
    public PluginContext(InstantSource clock, String operator) {
        this(clock, operator, JsonNodeFactory.instance.objectNode());
    }

    /** A copy of the plugin's section: changing it changes nothing in the console. */
    @Override
    public JsonNode config() {
        return config.deepCopy();
    }

    /** The same clock and operator with a plugin's own section. */
    public PluginContext withConfig(JsonNode section) {
        return new PluginContext(clock, operator, section);
    }
}
