package org.plurigrid.console.plugins.spi;

import org.plurigrid.console.client.assets.AssetRef;

/**
 * An action a plugin offers on a selected asset (since API 1.1): shown in the context menus of the alarm list (on the
 * alarm's point) and of the point table. {@link #appliesTo} is called on the FX thread while the menu opens and must
 * be quick; {@link #run} is called off the FX thread and must finish within {@link PluginApi#ACTION_LIMIT}.
 */
public interface AssetAction {

    /** Menu text, e.g. "Open in ACME asset register". */
    String label();

    /** Whether to offer this action for {@code asset} (e.g. only for points of one group). */
    boolean appliesTo(AssetRef asset);

    /** Does it; the result's message is shown to the operator. Throwing disables the plugin. */
    ActionResult run(AssetRef asset, PluginContext context);

    /** What an action came to, in the operator's words. */
    sealed interface ActionResult {
        String message();

        record Done(String message) implements ActionResult {
        }

        /** The action could not be done for a reason the operator can act on; the plugin stays enabled. */
        record Refused(String message) implements ActionResult {
        }
    }
}
