package org.plurigrid.console.views.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A plain, calm page for a view that is not built yet: it says so and what it will show. */
public final class PlaceholderView extends VBox {

    public PlaceholderView(String title, String whatIsComing) {
        getStyleClass().add("placeholder-view");
        setAlignment(Pos.CENTER);
        Label heading = new Label(title);
        heading.getStyleClass().add("placeholder-title");
        Label status = new Label("Not available yet");
        status.getStyleClass().add("placeholder-status");
        Label body = new Label(whatIsComing);
        body.getStyleClass().add("placeholder-body");
        body.setWrapText(true);
        getChildren().addAll(heading, status, body);
    }
}
