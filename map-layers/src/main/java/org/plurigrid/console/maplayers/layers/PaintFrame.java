package org.plurigrid.console.maplayers.layers;

import java.util.function.Predicate;
import org.plurigrid.console.client.grid.GridSnapshot;

/** What every painter of one frame draws from: the model, the camera and the operator's choices. */
record PaintFrame(GridSnapshot snapshot, GridGeometry geometry, MapProjection projection, double width,
                  double height, double zoom, LevelOfDetail lod, LayerVisibility visibility, Predicate<String> stale,
                  String selectedId) {
}
