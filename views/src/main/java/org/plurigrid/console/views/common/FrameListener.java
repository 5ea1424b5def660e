package org.plurigrid.console.views.common;

import org.plurigrid.console.client.telemetry.ChangeSet;

/** A view-model that catches up once per frame, on the FX thread, from the coalesced telemetry changes. */
@FunctionalInterface
public interface FrameListener {

    /** Called once per frame with everything that changed since the previous frame (often empty). */
    void onFrame(ChangeSet changes);
}
