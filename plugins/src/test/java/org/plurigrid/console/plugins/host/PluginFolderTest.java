package org.plurigrid.console.plugins.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PluginFolderTest {

    @TempDir
    Path home;

    private Path plugins() {
        return home.resolve("plugins");
    }

    private PluginCatalog discover(Set<String> disabled) {
        return PluginCatalog.discover(getClass().getClassLoader(), Optional.of(plugins()), disabled);
    }

    private static PluginInfo info(PluginCatalog catalog, String id) {
        return catalog.infos().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no plugin " + id + " in " + catalog.infos()));
    }

    @Test
    void loadsAPluginFromItsJarInItsOwnClassLoader() throws Exception {
        PluginJars.jar(plugins(), "feeder.jar", "1.0", "Feeder",
                PluginJars.source("Feeder", "feeder", "Feeder load", "", PluginJars.labelView()));

        try (PluginCatalog catalog = discover(Set.of())) {
            PluginCatalog.Entry entry = catalog.entries().stream().filter(e -> e.info().id().equals("feeder")).findFirst().orElseThrow();
            assertThat(entry.info().state()).isEqualTo(PluginState.ENABLED);
            assertThat(entry.info().version()).isEqualTo("2.3.4");
            assertThat(entry.info().source()).endsWith("feeder.jar");
            assertThat(entry.plugin()).get().extracting(p -> p.getClass().getClassLoader().getName()).isEqualTo("plugin:feeder.jar");
            assertThat(PluginJars.ids(catalog)).contains("data-quality"); // bundled ones are still there
        }
    }

    @Test
    void refusesAPluginBuiltForAnotherMajorApiVersionWithoutOpeningIt() throws Exception {
        // Its constructor would throw: the version check must refuse it before any of its code runs.
        PluginJars.jar(plugins(), "future.jar", "2.0", "Future",
                PluginJars.source("Future", "future", "Future", "throw new IllegalStateException(\"ran\");", PluginJars.labelView()));

        try (PluginCatalog catalog = discover(Set.of())) {
            PluginInfo refused = info(catalog, "future.jar");
            assertThat(refused.state()).isEqualTo(PluginState.REFUSED);
            assertThat(refused.problem()).get().asString().contains("plugin API 2.0").contains("runs API " + org.plurigrid.console.plugins.spi.PluginApi.VERSION);
        }
    }

    @Test
    void refusesAJarThatDoesNotDeclareItsApiVersion() throws Exception {
        PluginJars.jar(plugins(), "old.jar", null, "Old",
                PluginJars.source("Old", "old", "Old", "", PluginJars.labelView()));

        try (PluginCatalog catalog = discover(Set.of())) {
            assertThat(info(catalog, "old.jar").problem()).get().asString().contains("Plurigrid-Plugin-Api");
        }
    }

    @Test
    void aCorruptJarIsRefusedByNameAndTheOthersStillLoad() throws Exception {
        Files.createDirectories(plugins());
        Files.writeString(plugins().resolve("broken.jar"), "not a zip");
        PluginJars.jar(plugins(), "good.jar", "1.0", "Good",
                PluginJars.source("Good", "good", "Good", "", PluginJars.labelView()));

        try (PluginCatalog catalog = discover(Set.of())) {
            assertThat(info(catalog, "broken.jar").state()).isEqualTo(PluginState.REFUSED);
            assertThat(info(catalog, "broken.jar").problem()).get().asString().contains("not a readable jar");
            assertThat(info(catalog, "good").state()).isEqualTo(PluginState.ENABLED);
        }
    }

    @Test
    void aPluginThatThrowsWhileLoadingIsListedAsFailed() throws Exception {
        PluginJars.jar(plugins(), "bomb.jar", "1.0", "Bomb",
                PluginJars.source("Bomb", "bomb", "Bomb", "throw new IllegalStateException(\"no licence file\");", PluginJars.labelView()));

        try (PluginCatalog catalog = discover(Set.of())) {
            PluginInfo failed = info(catalog, "test.plugins.Bomb");
            assertThat(failed.state()).isEqualTo(PluginState.FAILED);
            assertThat(failed.problem()).get().asString().contains("while loading").contains("no licence file");
            assertThat(failed.source()).endsWith("bomb.jar");
        }
    }

    @Test
    void aSecondPluginWithATakenIdIsRefused() throws Exception {
        PluginJars.jar(plugins(), "copy.jar", "1.0", "Copy",
                PluginJars.source("Copy", "data-quality", "Data Quality (copy)", "", PluginJars.labelView()));

        try (PluginCatalog catalog = discover(Set.of())) {
            assertThat(catalog.infos()).filteredOn(p -> p.id().equals("data-quality"))
                    .extracting(PluginInfo::state).containsExactly(PluginState.ENABLED, PluginState.REFUSED);
        }
    }

    @Test
    void aPluginTheOperatorSwitchedOffIsListedButNotStarted() throws Exception {
        PluginJars.jar(plugins(), "off.jar", "1.0", "Off",
                PluginJars.source("Off", "off", "Off", "", PluginJars.labelView()));

        try (PluginCatalog catalog = discover(Set.of("off"))) {
            assertThat(info(catalog, "off").state()).isEqualTo(PluginState.DISABLED);
            assertThat(catalog.entries()).filteredOn(e -> e.info().id().equals("off")).allSatisfy(e -> assertThat(e.plugin()).isEmpty());
        }
    }
}
