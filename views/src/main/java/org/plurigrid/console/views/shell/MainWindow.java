package org.plurigrid.console.views.shell;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.plurigrid.console.views.common.Theme;

/**
 * The console window's content: the status bar on top, the navigation rail on the left and the view area.
 * Views come from {@link NavigationEntry} suppliers, built on first display and kept, so {@code app} decides what
 * each entry shows. Ctrl+Plus / Ctrl+Minus / Ctrl+0 change the display scale (laptop ↔ video wall).
 */
public final class MainWindow extends BorderPane {

    private static final double SCALE_STEP = 0.125;

    private final Map<String, NavigationEntry> entries = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new HashMap<>();
    private final Map<String, Node> builtViews = new HashMap<>();
    private final ToggleGroup group = new ToggleGroup();
    private final StackPane viewArea = new StackPane();
    private final VBox top = new VBox();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private final ReadOnlyDoubleWrapper uiScale = new ReadOnlyDoubleWrapper(this, "uiScale", 1.0);

    public MainWindow(List<NavigationEntry> navigation, StatusBarViewModel statusBar) {
        Objects.requireNonNull(statusBar, "statusBar");
        if (navigation.isEmpty()) {
            throw new IllegalArgumentException("the navigation rail needs at least one entry");
        }
        getStyleClass().add("main-window");
        setId("main-window");

        VBox rail = new VBox();
        rail.getStyleClass().add("navigation-rail");
        rail.setId("navigation-rail");
        for (NavigationEntry entry : navigation) {
            if (entries.putIfAbsent(entry.id(), entry) != null) {
                throw new IllegalArgumentException("duplicate navigation id: " + entry.id());
            }
            ToggleButton button = new ToggleButton(entry.title());
            button.setId("nav-" + entry.id());
            button.getStyleClass().add("nav-button");
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setMnemonicParsing(false);
            button.setOnAction(e -> select(entry.id()));
            buttons.put(entry.id(), button);
            rail.getChildren().add(button);
        }
        Region railSpacer = new Region();
        VBox.setVgrow(railSpacer, Priority.ALWAYS);
        Label scaleHint = new Label();
        scaleHint.getStyleClass().add("rail-hint");
        scaleHint.textProperty().bind(uiScale.multiply(100).asString(java.util.Locale.ROOT, "Display %.0f %%"));
        rail.getChildren().addAll(railSpacer, scaleHint);

        viewArea.getStyleClass().add("view-area");
        viewArea.setId("view-area");

        top.getChildren().add(new StatusBar(statusBar));
        setTop(top);
        setLeft(rail);
        setCenter(viewArea);

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        Theme.applyScale(this, 1.0);
        select(navigation.getFirst().id());
    }

    /**
     * An always-visible strip under the status bar, e.g. the alarm banner; {@code null} removes it.
     */
    public void setBanner(Node banner) {
        top.getChildren().setAll(top.getChildren().getFirst());
        if (banner != null) {
            top.getChildren().add(banner);
        }
    }

    /** The status bar on top, e.g. to add a command to it. */
    public StatusBar statusBar() {
        return (StatusBar) top.getChildren().getFirst();
    }

    /** Shows the view of the entry with this id, building it the first time. */
    public void select(String id) {
        NavigationEntry entry = entries.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("no navigation entry '" + id + "'; known: " + entries.keySet());
        }
        Node view = builtViews.computeIfAbsent(id, k -> {
            Node n = Objects.requireNonNull(entry.view().get(), "view supplier of '" + id + "' returned null");
            n.getStyleClass().add("console-view");
            if (n.getId() == null) {
                n.setId("view-" + id);
            }
            return n;
        });
        viewArea.getChildren().setAll(view);
        buttons.get(id).setSelected(true);
        selected.set(id);
    }

    /** The id of the entry on screen. */
    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The node currently in the view area. */
    public Node currentView() {
        return viewArea.getChildren().isEmpty() ? null : viewArea.getChildren().getFirst();
    }

    public List<String> entryIds() {
        return List.copyOf(entries.keySet());
    }

    /** Display scale: 1.0 for a laptop, 1.5–2.0 for a video wall. */
    public void setUiScale(double scale) {
        double clamped = Theme.fontSizePx(scale) / Theme.BASE_FONT_PX;
        uiScale.set(clamped);
        Theme.applyScale(this, clamped);
    }

    public ReadOnlyDoubleProperty uiScaleProperty() {
        return uiScale.getReadOnlyProperty();
    }

    private static final KeyCombination BIGGER = new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BIGGER_PLUS = new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BIGGER_ADD = new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SMALLER = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SMALLER_SUB = new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RESET = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);

    private void onKey(KeyEvent e) {
        if (BIGGER.match(e) || BIGGER_PLUS.match(e) || BIGGER_ADD.match(e)) {
            setUiScale(uiScale.get() + SCALE_STEP);
        } else if (SMALLER.match(e) || SMALLER_SUB.match(e)) {
            setUiScale(uiScale.get() - SCALE_STEP);
        } else if (RESET.match(e)) {
            setUiScale(1.0);
        } else {
            return;
        }
        e.consume();
    }
}
