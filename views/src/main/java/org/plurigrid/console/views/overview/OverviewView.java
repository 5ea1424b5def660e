package org.plurigrid.console.views.overview;

import java.util.List;

import javafx.beans.value.ObservableNumberValue;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.plurigrid.console.views.points.PointTableView;

/**
 * The Overview: six key figures across the top (load, generation, renewable share, live edge nodes, message rate,
 * decode errors) and the live point table below. The figures take the theme's greys; only the decode-error count turns
 * to the diagnostic colour, and only when it is above zero.
 */
public final class OverviewView extends VBox {

    private final ValueTile load;
    private final ValueTile generation;
    private final ValueTile renewable;
    private final ValueTile nodes;
    private final ValueTile rate;
    private final ValueTile errors;

    public OverviewView(OverviewViewModel vm) {
        getStyleClass().add("overview-view");
        setId("overview-view");

        load = new ValueTile("tile-load", "Total load", "MW", 2);
        load.setCaption("incl. EV and battery charging");
        generation = new ValueTile("tile-generation", "Generation", "MW", 2);
        generation.setCaption("PV, wind, battery");
        renewable = new ValueTile("tile-renewable", "Renewable share", "%", 0);
        renewable.setCaption("PV + wind / load");
        nodes = new ValueTile("tile-nodes", "Live edge nodes", "", 0);
        nodes.setCaption("substations");
        rate = new ValueTile("tile-rate", "Message rate", "", 0);
        rate.setCaption("MQTT messages/s");
        errors = new ValueTile("tile-errors", "Decode errors", "", 0);

        follow(load, vm.totalLoadMwProperty());
        follow(generation, vm.generationMwProperty());
        follow(renewable, vm.renewableSharePercentProperty());
        follow(nodes, vm.liveEdgeNodesProperty());
        follow(rate, vm.messageRateProperty());
        follow(errors, vm.decodeErrorsProperty());
        errors.setCaption(vm.decodeErrorDetailProperty().get());
        vm.decodeErrorDetailProperty().addListener((o, a, b) -> errors.setCaption(b));

        GridPane tiles = new GridPane();
        tiles.getStyleClass().add("tile-row");
        tiles.setId("overview-tiles");
        List<ValueTile> all = List.of(load, generation, renewable, nodes, rate, errors);
        for (int i = 0; i < all.size(); i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / all.size());
            cc.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(cc);
            all.get(i).setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            tiles.add(all.get(i), i, 0);
        }
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        tiles.getRowConstraints().add(row);

        vm.decodeErrorsProperty().addListener((o, a, b) -> errors.setAbnormal(b.longValue() > 0));
        errors.setAbnormal(vm.decodeErrorsProperty().get() > 0);

        PointTableView table = new PointTableView(vm.points());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(tiles, table);
    }

    private static void follow(ValueTile tile, ObservableNumberValue value) {
        tile.setValue(value.doubleValue());
        value.addListener((o, a, b) -> tile.setValue(b.doubleValue()));
    }

    /** The value shown by a tile, by its id, for tests. */
    public double tileValue(String id) {
        return List.of(load, generation, renewable, nodes, rate, errors).stream()
                .filter(t -> id.equals(t.getId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tile " + id)).getValue();
    }
}
