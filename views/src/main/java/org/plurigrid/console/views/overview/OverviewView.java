package org.plurigrid.console.views.overview;

import java.util.List;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import javafx.beans.value.ObservableNumberValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.plurigrid.console.views.common.Theme;
import org.plurigrid.console.views.points.PointTableView;

/**
 * The Overview: six TilesFX tiles across the top (load, generation, renewable share, live edge nodes, message rate,
 * decode errors) and the live point table below. Tiles take the theme's greys; only the decode-error count turns to
 * the diagnostic colour, and only when it is above zero.
 */
public final class OverviewView extends VBox {

    private final Tile load;
    private final Tile generation;
    private final Tile renewable;
    private final Tile nodes;
    private final Tile rate;
    private final Tile errors;
    private Label errorsTitle;
    private static final PseudoClass ABNORMAL = PseudoClass.getPseudoClass("abnormal");

    public OverviewView(OverviewViewModel vm) {
        getStyleClass().add("overview-view");
        setId("overview-view");

        // NUMBER tiles throughout: TilesFX's sparkline pre-fills its history with the minimum (0) when the tile is
        // first shown, which would draw a false "0 MW a minute ago" on every start.
        load = tile(SkinType.NUMBER, "tile-load", "Total load", "MW", 2);
        load.setText("incl. EV and battery charging");
        generation = tile(SkinType.NUMBER, "tile-generation", "Generation", "MW", 2);
        generation.setText("PV, wind, battery");
        renewable = tile(SkinType.NUMBER, "tile-renewable", "Renewable share", "%", 0);
        renewable.setMaxValue(100);
        renewable.setText("PV + wind / load");
        nodes = tile(SkinType.NUMBER, "tile-nodes", "Live edge nodes", "", 0);
        nodes.setText("substations");
        rate = tile(SkinType.NUMBER, "tile-rate", "Message rate", "", 0);
        rate.setText("MQTT messages/s");
        errors = tile(SkinType.NUMBER, "tile-errors", "Decode errors", "", 0);

        follow(load, vm.totalLoadMwProperty());
        follow(generation, vm.generationMwProperty());
        follow(renewable, vm.renewableSharePercentProperty());
        follow(nodes, vm.liveEdgeNodesProperty());
        follow(rate, vm.messageRateProperty());
        follow(errors, vm.decodeErrorsProperty());
        errors.setText(vm.decodeErrorDetailProperty().get());
        vm.decodeErrorDetailProperty().addListener((o, a, b) -> errors.setText(b));

        GridPane tiles = new GridPane();
        tiles.getStyleClass().add("tile-row");
        tiles.setId("overview-tiles");
        List<Tile> all = List.of(load, generation, renewable, nodes, rate, errors);
        for (int i = 0; i < all.size(); i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / all.size());
            cc.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(cc);
            VBox box = titled(all.get(i));
            if (all.get(i) == errors) {
                errorsTitle = (Label) box.getChildren().getFirst();
            }
            tiles.add(box, i, 0);
        }
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        tiles.getRowConstraints().add(row);
        // Tiles take about a quarter of the height, so they grow with a video wall and shrink on a laptop.
        tiles.prefHeightProperty().bind(heightProperty().multiply(0.26));
        tiles.setMinHeight(120);

        vm.decodeErrorsProperty().addListener((o, a, b) -> markErrors(b.longValue()));
        markErrors(vm.decodeErrorsProperty().get());

        PointTableView table = new PointTableView(vm.points());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(tiles, table);
    }

    /**
     * The tile's title as a themed label above it: it scales with the console's font size and never collides with
     * the tile's value, which TilesFX sizes to the tile.
     */
    private static VBox titled(Tile tile) {
        Label title = new Label(tile.getTitle());
        title.getStyleClass().add("tile-title");
        title.setId(tile.getId() + "-title");
        title.setWrapText(true); // a narrow tile wraps its title rather than cutting it
        title.setMinHeight(Region.USE_PREF_SIZE);
        tile.setTitle("");
        // The caption is a themed label too: TilesFX would draw it at a fixed fraction of the tile, too small to
        // read and deaf to the console's display scale.
        Label caption = new Label();
        caption.getStyleClass().add("tile-caption");
        caption.setId(tile.getId() + "-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.textProperty().bind(tile.textProperty());
        Tile shown = tile;
        VBox.setVgrow(shown, Priority.ALWAYS);
        VBox box = new VBox(title, shown, caption);
        box.getStyleClass().add("titled-tile");
        return box;
    }

    private static Tile tile(SkinType skin, String id, String title, String unit, int decimals) {
        Tile t = new Tile(skin);
        t.setId(id);
        t.getStyleClass().add("console-tile");
        t.setTitle(title);
        t.setUnit(unit);
        t.setDecimals(decimals);
        t.setTickLabelDecimals(decimals);
        t.setAnimated(false);
        t.setRoundedCorners(false);
        t.setShadowsEnabled(false);
        t.setTextAlignment(TextAlignment.LEFT);
        t.setTitleAlignment(TextAlignment.LEFT);
        t.setDescriptionAlignment(Pos.TOP_RIGHT);
        t.setBackgroundColor(Theme.PANEL);
        t.setForegroundColor(Theme.TEXT);
        t.setTitleColor(Theme.TEXT_MUTED);
        t.setValueColor(Theme.TEXT);
        t.setUnitColor(Theme.TEXT_MUTED);
        t.setTextColor(Theme.TEXT_MUTED);
        t.setTextVisible(false); // the caption is a label under the tile (see titled)
        t.setBarColor(Theme.EQUIPMENT);
        t.setBarBackgroundColor(Theme.EQUIPMENT_LIGHT);
        t.setChartGridColor(Theme.EQUIPMENT_LIGHT);
        t.setThresholdVisible(false);
        t.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        t.setMinSize(60, 60);
        t.setPrefSize(200, 160);
        return t;
    }

    private static void follow(Tile tile, ObservableNumberValue value) {
        tile.setValue(value.doubleValue());
        value.addListener((o, a, b) -> {
            double v = b.doubleValue();
            if (v > tile.getMaxValue()) {
                tile.setMaxValue(v * 1.25);
            }
            tile.setValue(v);
        });
    }

    private void markErrors(long count) {
        errors.setValueColor(count > 0 ? Theme.DIAGNOSTIC : Theme.TEXT);
        errorsTitle.pseudoClassStateChanged(ABNORMAL, count > 0);
    }

    /** The value shown by a tile, by its id, for tests. */
    public double tileValue(String id) {
        return List.of(load, generation, renewable, nodes, rate, errors).stream()
                .filter(t -> id.equals(t.getId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tile " + id)).getValue();
    }
}
