package org.plurigrid.console.plugins.manager;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.plugins.host.PluginInfo;
import org.plurigrid.console.plugins.host.PluginState;

import static org.assertj.core.api.Assertions.assertThat;

class PluginManagerViewModelTest {

    private static PluginInfo plugin(String id, PluginState state, String problem) {
        return new PluginInfo(id, id, "", "1.0", "/home/op/.plurigrid/plugins/" + id + ".jar", state, Optional.ofNullable(problem));
    }

    @Test
    void savesThePluginsSwitchedOffAndSaysWhenTheyTakeEffect() {
        AtomicReference<Set<String>> saved = new AtomicReference<>();
        PluginManagerViewModel model = new PluginManagerViewModel(
                List.of(plugin("feeder", PluginState.ENABLED, null), plugin("weather", PluginState.ENABLED, null)),
                ids -> {
                    saved.set(ids);
                    return CompletableFuture.completedFuture(null);
                }, Runnable::run);

        model.rows().get(1).enabledProperty().set(false);
        model.apply();

        assertThat(saved.get()).containsExactly("weather");
        assertThat(model.messageProperty().get()).isEqualTo("Saved: 1 switched off from the next start.");
    }

    @Test
    void aRefusedPluginIsNeitherTickedNorSwitchableAndTheHeaderCountsIt() {
        PluginManagerViewModel model = new PluginManagerViewModel(
                List.of(plugin("next-gen", PluginState.REFUSED, "built for plugin API 2.0")),
                ids -> CompletableFuture.completedFuture(null), Runnable::run);

        assertThat(model.rows().getFirst().enabledProperty().get()).isFalse();
        assertThat(model.rows().getFirst().switchable()).isFalse();
        assertThat(model.rows().getFirst().shortSource()).isEqualTo("plugins/next-gen.jar");
        assertThat(model.messageProperty().get()).isEqualTo("1 plugin, 1 not running (see Problem)");
    }

    @Test
    void aFailedSaveIsShownWithItsReason() {
        PluginManagerViewModel model = new PluginManagerViewModel(List.of(plugin("feeder", PluginState.ENABLED, null)),
                ids -> CompletableFuture.failedFuture(new java.io.IOException("disk full")), Runnable::run);

        model.apply();

        assertThat(model.messageProperty().get()).isEqualTo("Not saved: disk full");
    }
}
