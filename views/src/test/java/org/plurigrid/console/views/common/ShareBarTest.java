package org.plurigrid.console.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;

/** The bar draws the share it is given, clamps what is beyond 0–100 %, and places its marker. */
@ExtendWith(FxThreadExtension.class)
class ShareBarTest {

    @Test
    void fillAndMarkerFollowTheShareAndTheFigureSaysItAsItIs() {
        ShareBar bar = new ShareBar("Yes", 1);
        Scene scene = new Scene(new StackPane(bar), 400, 40);
        Theme.apply(scene);
        bar.percentProperty().set(25);
        bar.markerProperty().set(50);
        layout(bar);
        Node track = bar.lookup(".share-track");
        Node fill = bar.lookup(".share-fill");
        Node marker = bar.lookup(".share-marker");
        double w = track.getLayoutBounds().getWidth();
        assertThat(w).isGreaterThan(100);
        assertThat(fill.getLayoutBounds().getWidth()).isCloseTo(w / 4, org.assertj.core.data.Offset.offset(1.0));
        assertThat(marker.isVisible()).isTrue();
        assertThat(marker.getBoundsInParent().getCenterX()).isCloseTo(w / 2, org.assertj.core.data.Offset.offset(1.5));
        assertThat(bar.figureText()).isEqualTo("25.0 %");

        bar.percentProperty().set(130);
        bar.markerProperty().set(Double.NaN);
        layout(bar);
        assertThat(fill.getLayoutBounds().getWidth()).as("drawn to the end, not beyond").isCloseTo(w, org.assertj.core.data.Offset.offset(1.0));
        assertThat(bar.figureText()).as("the figure is not clamped").isEqualTo("130.0 %");
        assertThat(marker.isVisible()).isFalse();

        bar.setSeverity(true, false);
        assertThat(bar.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("warning"));
        bar.setSeverity(true, true);
        assertThat(bar.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("alarm"))
                .doesNotContain(PseudoClass.getPseudoClass("warning"));
    }

    private static void layout(ShareBar bar) {
        bar.getScene().getRoot().applyCss();
        bar.getScene().getRoot().layout();
        bar.lookup(".share-track").getParent().layout();
        ((javafx.scene.Parent) bar.lookup(".share-track")).layout();
    }
}
