package org.plurigrid.console.maplayers.map;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.plurigrid.console.client.assets.MapMark;
import org.plurigrid.console.client.assets.MapOverlayMarks;
import org.plurigrid.console.client.telemetry.Quality;

/**
 * The plugins' map overlays the map knows (in legend order: by title) and which the operator switched off; FX thread.
 * A failed overlay stays listed, empty, with its reason, so the legend can say why its marks left.
 */
public final class MapOverlayState {

    private final ObservableList<MapOverlayMarks> overlays = FXCollections.observableArrayList();
    private final ObservableList<MapOverlayMarks> overlaysView = FXCollections.unmodifiableObservableList(overlays);
    private final ObservableSet<String> hidden = FXCollections.observableSet();

    /** Every overlay, shown or not. */
    public ObservableList<MapOverlayMarks> all() {
        return overlaysView;
    }

    /** Ids of the overlays switched off in the legend. */
    public ObservableSet<String> hidden() {
        return hidden;
    }

    /** The overlays switched on. */
    public List<MapOverlayMarks> visible() {
        return overlays.stream().filter(o -> !hidden.contains(o.id())).toList();
    }

    /** New marks of an overlay (replacing its last). */
    void put(MapOverlayMarks marks) {
        for (int i = 0; i < overlays.size(); i++) {
            if (overlays.get(i).id().equals(marks.id())) {
                overlays.set(i, marks);
                return;
            }
        }
        overlays.add(marks);
        FXCollections.sort(overlays, Comparator.comparing((MapOverlayMarks o) -> o.title().toLowerCase(Locale.ROOT))
                .thenComparing(MapOverlayMarks::id));
    }

    Optional<MapOverlayMarks> overlay(String id) {
        return overlays.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    Optional<MapMark> mark(String overlayId, String markId) {
        return overlay(overlayId).flatMap(o -> o.marks().stream().filter(m -> m.id().equals(markId)).findFirst());
    }

    /** What the detail pane shows for a mark: its label, layer, status, position and the asset it stands for. */
    static AssetDetail detail(MapOverlayMarks overlay, MapMark m) {
        List<AssetDetail.Row> rows = new java.util.ArrayList<>();
        rows.add(new AssetDetail.Row("Layer", overlay.title(), false));
        rows.add(new AssetDetail.Row("Status", switch (m.status()) {
            case NORMAL -> "Normal";
            case ATTENTION -> "Needs attention";
            case ALARM -> "Alarm";
            case STALE -> "Stale (data too old)";
        }, m.status() == MapMark.Status.ATTENTION || m.status() == MapMark.Status.ALARM));
        rows.add(new AssetDetail.Row("Position", String.format(Locale.ROOT, "%.4f° %s, %.4f° %s", Math.abs(m.lat()),
                m.lat() >= 0 ? "N" : "S", Math.abs(m.lon()), m.lon() >= 0 ? "E" : "W"), false));
        m.asset().ifPresent(a -> rows.add(new AssetDetail.Row("Stands for", a.kind().name().toLowerCase(Locale.ROOT)
                + " " + a.id(), false)));
        return new AssetDetail(overlay.id() + "#" + m.id(), "Map mark", m.label(), rows,
                m.status() == MapMark.Status.STALE ? Quality.STALE : Quality.GOOD, List.of());
    }
}
