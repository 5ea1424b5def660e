package org.plurigrid.console.views.common;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.plurigrid.console.client.assets.AssetActions;
import org.plurigrid.console.client.assets.AssetRef;

/**
 * The view-model side of extra actions on a selected asset (plugins'): what a context menu offers, and running one off
 * the FX thread through {@link BackgroundTask}, its one-line result in {@link #resultProperty()}. Shared by the alarm
 * list and the point table.
 */
public final class AssetActionRunner {

    private final AssetActions actions;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");

    public AssetActionRunner(AssetActions actions, Executor background, Executor fx) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** No extra actions (views built without plugins, tests). */
    public static AssetActionRunner none() {
        return new AssetActionRunner(AssetActions.NONE, Runnable::run, Runnable::run);
    }

    /** What to offer for {@code asset}; a failure to list is no offer. */
    public List<AssetActions.Offer> offersFor(AssetRef asset) {
        try {
            return actions.offersFor(asset);
        } catch (RuntimeException e) {
            result.set("Actions for " + asset.id() + " unavailable: " + BackgroundTask.message(e));
            return List.of();
        }
    }

    /** Runs {@code offer}; the result (or why it failed) lands in {@link #resultProperty()}. */
    public void run(AssetActions.Offer offer) {
        result.set(offer.label() + "\u2026");
        BackgroundTask.run(background, fx, offer.run(), outcome -> result.set(switch (outcome) {
            case BackgroundTask.Outcome.Done<String> d -> d.value();
            case BackgroundTask.Outcome.Failed<String> f -> offer.label() + " failed: " + f.message();
        }));
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }
}
