package org.plurigrid.console.plugins.spi;

import javafx.scene.Node;
import org.plurigrid.console.client.telemetry.ChangeSet;

/**
 * What a plugin puts on screen, and its per-frame update hook (called on the FX thread, once per pulse, within
 * {@link PluginApi#FRAME_BUDGET}).
 */
public interface PluginView {

    Node node();

    /** The telemetry that changed since the previous frame; must return quickly. */
    void onFrame(ChangeSet changes);
}
