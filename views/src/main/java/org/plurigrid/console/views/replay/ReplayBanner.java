package org.plurigrid.console.views.replay;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The strip every view shows under the status bar while a recording is replayed, so nobody takes recorded values for
 * live ones: "REPLAY", the recorded time, playing or paused, the file, and the way back to live.
 */
public final class ReplayBanner extends HBox {

    public ReplayBanner(ReplayViewModel vm) {
        getStyleClass().add("replay-banner");
        setId("replay-banner");
        setAlignment(Pos.CENTER_LEFT);
        Label mark = new Label("REPLAY");
        mark.getStyleClass().add("replay-banner-mark");
        mark.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label();
        text.setId("replay-banner-text");
        text.getStyleClass().add("replay-banner-text");
        text.textProperty().bind(vm.bannerTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button live = new Button("Back to live");
        live.setId("replay-banner-live");
        live.setMinWidth(Region.USE_PREF_SIZE);
        live.setOnAction(e -> vm.backToLive());
        getChildren().addAll(mark, text, spacer, live);
        visibleProperty().bind(vm.replayingProperty());
        managedProperty().bind(visibleProperty());
    }
}
