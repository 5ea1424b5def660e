package org.plurigrid.console.plugins.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.plurigrid.console.client.assets.AssetActions;
import org.plurigrid.console.client.assets.AssetRef;
import org.plurigrid.console.plugins.spi.AssetAction;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginContext;

/**
 * The enabled plugins' asset actions as the console's menus offer them, each behind its plugin's {@link PluginGuard}:
 * {@code appliesTo} throwing disables the plugin (and the action is not offered); {@code run} happens on
 * {@code workers} within a time limit, and throwing, returning nothing or overrunning disables the plugin with the
 * reason, while a {@link AssetAction.ActionResult.Refused} is just shown.
 */
public final class PluginAssetActions implements AssetActions {

    private record Guarded(AssetAction action, PluginGuard guard, String label) {
    }

    private final List<Guarded> actions;
    private final PluginContext context;
    private final ExecutorService workers;
    private final Duration limit;

    private PluginAssetActions(List<Guarded> actions, PluginContext context, ExecutorService workers, Duration limit) {
        this.actions = List.copyOf(actions);
        this.context = Objects.requireNonNull(context, "context");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** Asks each plugin for its actions once (a plugin that throws is disabled and offers none). */
    public static PluginAssetActions of(List<GuardedPlugin> plugins, PluginContext context, ExecutorService workers,
                                        Duration limit) {
        List<Guarded> all = new ArrayList<>();
        for (GuardedPlugin p : plugins) {
            List<AssetAction> declared = p.guard().call("listing its asset actions", p.plugin()::assetActions).orElse(List.of());
            for (AssetAction a : declared) {
                java.util.Optional<String> label = a == null ? java.util.Optional.empty()
                        : p.guard().call("naming an asset action", a::label);
                if (label.isEmpty() || label.get().isBlank()) {
                    p.guard().disable("offered an asset action without a label", null);
                    break;
                }
                all.add(new Guarded(a, p.guard(), label.get().strip()));
            }
        }
        return new PluginAssetActions(all, context, workers, limit);
    }

    @Override
    public List<Offer> offersFor(AssetRef asset) {
        List<Offer> offers = new ArrayList<>();
        for (Guarded g : actions) {
            if (g.guard().active() && g.guard().call("deciding whether it applies to " + asset.id(),
                    () -> g.action().appliesTo(asset)).orElse(false)) {
                offers.add(new Offer(g.label(), () -> run(g, asset)));
            }
        }
        return offers;
    }

    private String run(Guarded g, AssetRef asset) throws Exception {
        if (!g.guard().active()) {
            throw new IllegalStateException("Plugin '" + g.guard().info().title() + "' is disabled");
        }
        Future<AssetAction.ActionResult> f = workers.submit(() -> g.action().run(asset, context));
        AssetAction.ActionResult result;
        try {
            result = f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            g.guard().disable("took longer than " + limit.toSeconds() + " s for '" + g.label() + "'", null);
            throw new IllegalStateException("'" + g.label() + "' did not finish within " + limit.toSeconds()
                    + " s; plugin '" + g.guard().info().title() + "' was disabled");
        } catch (ExecutionException e) {
            Throwable why = e.getCause() == null ? e : e.getCause();
            g.guard().disable("threw " + why.getClass().getSimpleName() + " in '" + g.label() + "'"
                    + (why.getMessage() == null ? "" : ": " + why.getMessage()), why);
            throw new IllegalStateException("'" + g.label() + "' failed; plugin '" + g.guard().info().title()
                    + "' was disabled");
        }
        if (result == null || result.message() == null) {
            g.guard().disable("returned no result from '" + g.label() + "'", null);
            throw new IllegalStateException("'" + g.label() + "' returned nothing; plugin '"
                    + g.guard().info().title() + "' was disabled");
        }
        return switch (result) {
            case AssetAction.ActionResult.Done d -> d.message();
            case AssetAction.ActionResult.Refused r -> throw new IllegalStateException(r.message());
        };
    }
}
