package org.plurigrid.console.maplayers.map;

import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.telemetry.Quality;

import java.util.List;
import java.util.Objects;

/**
 * What the detail pane shows for the selected asset: a title, labelled values, the data quality, and the devices
 * (DERs) under it. Plain data, built by the view-model, rendered by the view.
 */
public record AssetDetail(String id, String kind, String title, List<Row> rows, Quality quality, List<GridDer> devices) {

    /** One labelled value; {@code abnormal} marks values the pane highlights (e.g. loading above 80 %). */
    public record Row(String label, String value, boolean abnormal) {
        public Row {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    public AssetDetail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(quality, "quality");
        rows = List.copyOf(rows);
        devices = List.copyOf(devices);
    }

    /** The value of the row with this label, if any (handy for tests and tooltips). */
    public java.util.Optional<String> value(String label) {
        return rows.stream().filter(r -> r.label().equals(label)).map(Row::value).findFirst();
    }
}
