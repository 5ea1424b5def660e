package org.plurigrid.console.plugins.host;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginContext;
import org.plurigrid.console.plugins.spi.PluginView;

/**
 * Builds a plugin's view on a background executor within a time limit, through its guard: a plugin that throws or
 * blocks is disabled and the future completes empty, so the caller (on the FX thread) never waits on plugin code.
 */
public final class PluginStarter {

    private PluginStarter() {
    }

    public static CompletableFuture<Optional<PluginView>> createView(ConsolePlugin plugin, PluginContext context,
                                                                     PluginGuard guard, Executor background,
                                                                     Duration limit) {
        return CompletableFuture.supplyAsync(() -> guard.call("building its view", () -> plugin.createView(context)),
                        background)
                .orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                            ? e.getCause() : e;
                    if (cause instanceof TimeoutException) {
                        guard.disable("took longer than " + limit.toSeconds() + " s to build its view", null);
                    } else {
                        guard.disable("failed while building its view: " + cause, cause);
                    }
                    return Optional.empty();
                })
                .thenApply(view -> {
                    if (view.isEmpty()) {
                        guard.disable("returned no view", null);
                    }
                    return guard.active() ? view : Optional.<PluginView>empty();
                });
    }
}
