package org.plurigrid.console.plugins.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.plugins.spi.PluginApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginApiAndSettingsTest {

    @TempDir
    Path home;

    @Test
    void acceptsTheSameMajorAndAnOlderOrEqualMinor() {
        assertThat(PluginApi.incompatibility("1.0")).isEmpty();
        assertThat(PluginApi.incompatibility(" 1.0 ")).isEmpty();
        assertThat(PluginApi.incompatibility("1.1")).isEmpty();
        assertThat(PluginApi.incompatibility("1.2")).isEmpty();
        assertThat(PluginApi.incompatibility("1.3")).isEmpty();
        assertThat(PluginApi.incompatibility("1.4")).isEmpty();
    }

    @Test
    void refusesANewerMinorAnotherMajorAndNonsense() {
        assertThat(PluginApi.incompatibility("1.5")).get().asString().contains("newer than this console's 1.4");
        assertThat(PluginApi.incompatibility("0.9")).get().asString().contains("different major version");
        assertThat(PluginApi.incompatibility("one")).get().asString().contains("not MAJOR.MINOR");
        assertThat(PluginApi.incompatibility("")).get().asString().contains("does not say");
    }

    @Test
    void switchedOffPluginsSurviveARestart() throws Exception {
        PluginSettings settings = new PluginSettings(home);
        assertThat(settings.disabled()).isEmpty();

        settings.write(Set.of("feeder", "data-quality"));

        assertThat(new PluginSettings(home).disabled()).containsExactlyInAnyOrder("feeder", "data-quality");
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("plugins.json");
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("plugins.json")))).as("written as the other settings files")
                .isEqualTo("rw-------");
    }

    @Test
    void aMalformedSettingsFileIsAnErrorNamingTheFile() throws Exception {
        Files.writeString(home.resolve("plugins.json"), "{\"disabled\": [1]}");

        assertThatThrownBy(() -> new PluginSettings(home).disabled())
                .hasMessageContaining("plugins.json").hasMessageContaining("as strings");
    }

    @Test
    void aSettingsFileWithADuplicateKeyIsRefusedLikeEveryFileTheOperatorEdits() throws Exception {
        Files.writeString(home.resolve("plugins.json"), "{\"disabled\": [\"a\"], \"disabled\": []}");

        assertThatThrownBy(() -> new PluginSettings(home).disabled())
                .hasMessageContaining("plugins.json").hasMessageContaining("disabled");
    }
}
