package org.plurigrid.console.views.common;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A share of 0–100 % as a horizontal bar: name, track with the filled share, the figure; optionally a marker on the
 * track (a quorum, a threshold). Styled entirely by the stylesheet ({@code .share-bar}, {@code .share-fill},
 * {@code .share-track}, {@code .share-marker}; {@code :warning} and {@code :alarm} on the bar colour the fill), so
 * it follows the theme and the console's display scale.
 */
public final class ShareBar extends HBox {

    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");

    private final DoubleProperty percent = new SimpleDoubleProperty(this, "percent", 0);
    private final DoubleProperty marker = new SimpleDoubleProperty(this, "marker", Double.NaN);
    private final Label figure = new Label();
    private final int decimals;

    /** {@code name} before the bar (empty for none), the figure after it with {@code decimals} decimals. */
    public ShareBar(String name, int decimals) {
        this.decimals = decimals;
        getStyleClass().add("share-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label label = new Label(name);
        label.getStyleClass().add("share-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setManaged(!name.isEmpty());
        label.setVisible(!name.isEmpty());

        Region fill = new Region();
        fill.getStyleClass().add("share-fill");
        Region mark = new Region();
        mark.getStyleClass().add("share-marker");
        Pane track = new Pane(fill, mark) {
            @Override
            protected void layoutChildren() {
                double w = getWidth();
                double h = getHeight();
                double p = Math.max(0, Math.min(100, percent.get()));
                fill.resizeRelocate(0, 0, Math.round(w * p / 100), h);
                double m = marker.get();
                mark.setVisible(!Double.isNaN(m));
                double mw = Math.max(2, mark.prefWidth(-1));
                mark.resizeRelocate(Math.round(w * Math.max(0, Math.min(100, Double.isNaN(m) ? 0 : m)) / 100 - mw / 2), -2, mw, h + 4);
            }
        };
        track.getStyleClass().add("share-track");
        track.setMinWidth(40);
        track.setPrefWidth(160);
        track.setMaxWidth(Double.MAX_VALUE);
        track.minHeightProperty().bind(figure.heightProperty().multiply(0.7));
        track.prefHeightProperty().bind(track.minHeightProperty());
        track.setMaxHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(track, Priority.ALWAYS);
        percent.addListener((o, a, b) -> {
            figure.setText(format(b.doubleValue()));
            track.requestLayout();
        });
        marker.addListener((o, a, b) -> track.requestLayout());

        figure.getStyleClass().add("share-figure");
        figure.setText(format(0));
        // the stylesheet makes it wide enough for "100.0 %", so the bars of a group end together and nothing is cut
        getChildren().addAll(label, track, figure);
    }

    private String format(double p) {
        return String.format(Locale.ROOT, "%." + decimals + "f %%", p);
    }

    /** The share shown, 0–100 (beyond is drawn at the end of the track, the figure says it as it is). */
    public DoubleProperty percentProperty() {
        return percent;
    }

    /** A marker on the track at this share, NaN for none. */
    public DoubleProperty markerProperty() {
        return marker;
    }

    /** The figure as shown, e.g. "41.2 %". */
    public String figureText() {
        return figure.getText();
    }

    /** Colours the fill as a warning (e.g. a veto share near its threshold), an alarm, or neither. */
    public void setSeverity(boolean warning, boolean alarm) {
        pseudoClassStateChanged(WARNING, warning && !alarm);
        pseudoClassStateChanged(ALARM, alarm);
    }
}
