package org.plurigrid.console.views.overview;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One key figure of the Overview: title, the number with its unit, a caption. Plain labels styled by the theme
 * ({@code .value-tile}, {@code .tile-title}, {@code .tile-value}, {@code .tile-unit}, {@code .tile-caption};
 * {@code :abnormal} marks the figure as a diagnostic), so it scales with the console's font and never draws a value it
 * was not given. Why not a dashboard library: docs/adr/0018-key-figures-and-tally-as-plain-controls.md.
 */
final class ValueTile extends VBox {

    private static final PseudoClass ABNORMAL = PseudoClass.getPseudoClass("abnormal");

    private final Label title = new Label();
    private final Label number = new Label();
    private final Label unit = new Label();
    private final Label caption = new Label();
    private final int decimals;
    private double value;

    ValueTile(String id, String titleText, String unitText, int decimals) {
        this.decimals = decimals;
        setId(id);
        getStyleClass().add("value-tile");
        title.setText(titleText);
        title.getStyleClass().add("tile-title");
        title.setId(id + "-title");
        title.setWrapText(true); // a narrow tile wraps its title rather than cutting it
        title.setMinHeight(Region.USE_PREF_SIZE);
        number.getStyleClass().add("tile-value");
        number.setId(id + "-value");
        number.setMinWidth(Region.USE_PREF_SIZE);   // a figure is never cut to "12,3…"
        unit.setText(unitText);
        unit.getStyleClass().add("tile-unit");
        unit.setMinWidth(Region.USE_PREF_SIZE);
        HBox figure = new HBox(number, unit);
        figure.getStyleClass().add("tile-figure");
        figure.setAlignment(Pos.BASELINE_LEFT);
        VBox.setVgrow(figure, Priority.ALWAYS);
        caption.getStyleClass().add("tile-caption");
        caption.setId(id + "-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(title, figure, caption);
        setValue(0);
    }

    double getValue() {
        return value;
    }

    void setValue(double v) {
        value = v;
        number.setText(String.format(Locale.ROOT, "%,." + decimals + "f", v));
    }

    void setCaption(String text) {
        caption.setText(text == null ? "" : text);
    }

    /** A figure that needs attention (e.g. decode errors): title and figure in the diagnostic colour. */
    void setAbnormal(boolean abnormal) {
        pseudoClassStateChanged(ABNORMAL, abnormal);
        title.pseudoClassStateChanged(ABNORMAL, abnormal);
    }
}
