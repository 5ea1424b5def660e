package org.plurigrid.console.maplayers.basemap;

import javafx.scene.image.Image;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A source of ready-made basemap tiles tried before the local rendering; empty means "render it locally". */
public interface TileSource {

    /** Never throws and never blocks the caller; a missing or failed tile completes empty. */
    CompletableFuture<Optional<Image>> fetch(int zoom, long x, long y);
}
