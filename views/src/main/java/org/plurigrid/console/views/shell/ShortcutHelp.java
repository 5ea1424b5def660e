package org.plurigrid.console.views.shell;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The F1 overlay: every keyboard shortcut of the window with what it does, over the current view. */
final class ShortcutHelp extends StackPane {

    private final GridPane table = new GridPane();
    private final Button close = new Button("Close (Esc)");
    private boolean showing;

    ShortcutHelp() {
        setId("shortcut-help");
        getStyleClass().add("shortcut-help");
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("section-title");
        table.getStyleClass().add("shortcut-table");
        VBox card = new VBox(title, table, close);
        card.getStyleClass().add("shortcut-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setAlignment(Pos.TOP_LEFT);
        getChildren().add(card);
        setFocusTraversable(true);
    }

    void setOnClose(Runnable onClose) {
        close.setOnAction(e -> onClose.run());
    }

    void show(List<MainWindow.Shortcut> shortcuts) {
        table.getChildren().clear();
        int row = 0;
        for (MainWindow.Shortcut s : shortcuts) {
            Label keys = new Label(s.keys().getDisplayText());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(s.description());
            what.setMinWidth(Region.USE_PREF_SIZE);
            table.addRow(row++, keys, what);
        }
        showing = true;
    }

    void hide() {
        showing = false;
    }

    boolean isShowing() {
        return showing;
    }
}
