package org.plurigrid.console.client.assets;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Actions offered on a selected asset beyond the console's own (plugins' actions, say): what the alarm list's and the
 * point table's context menus add. {@link #offersFor} is cheap and safe to call on the FX thread; an offer's
 * {@link Offer#run} may block and is called off it.
 */
public interface AssetActions {

    /** No extra actions. */
    AssetActions NONE = asset -> List.of();

    List<Offer> offersFor(AssetRef asset);

    /**
     * One action on one asset.
     *
     * @param label shown in the menu, e.g. "Open in ACME asset register"
     * @param run   does it (blocking, off the FX thread); returns a one-line result for the operator, or throws with
     *              the reason it failed
     */
    record Offer(String label, Callable<String> run) {
        public Offer {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(run, "run");
        }
    }
}
