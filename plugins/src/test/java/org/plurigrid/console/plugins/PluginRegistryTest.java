package org.plurigrid.console.plugins;

import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PluginRegistryTest {

    @Test
    void findsTheBundledDataQualityPluginThroughServiceLoader() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());

        assertThat(registry.plugins()).extracting(ConsolePlugin::id).contains("data-quality");
        assertThat(registry.failures()).isEmpty();
    }
}
