package org.plurigrid.console.plugins;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.plugins.host.PluginCatalog;
import org.plurigrid.console.plugins.host.PluginInfo;
import org.plurigrid.console.plugins.host.PluginState;

import static org.assertj.core.api.Assertions.assertThat;

class PluginCatalogTest {

    @Test
    void findsTheBundledDataQualityPluginThroughServiceLoader() {
        try (PluginCatalog catalog = PluginCatalog.discover(getClass().getClassLoader(), Optional.empty(), Set.of())) {
            assertThat(catalog.infos()).extracting(PluginInfo::id).contains("data-quality");
            assertThat(catalog.infos()).allSatisfy(p -> {
                assertThat(p.state()).isEqualTo(PluginState.ENABLED);
                assertThat(p.source()).isEqualTo("bundled");
            });
        }
    }

    @Test
    void aBundledPluginSwitchedOffIsListedButNotStarted() {
        try (PluginCatalog catalog = PluginCatalog.discover(getClass().getClassLoader(), Optional.empty(), Set.of("data-quality"))) {
            PluginCatalog.Entry entry = catalog.entries().stream().filter(e -> e.info().id().equals("data-quality")).findFirst().orElseThrow();
            assertThat(entry.info().state()).isEqualTo(PluginState.DISABLED);
            assertThat(entry.plugin()).isEmpty();
        }
    }
}
