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
 * each entry shows. Keyboard: Ctrl+1…9 open the rail's entries, Up/Down in the rail switch the view, Ctrl+Plus /
 * Ctrl+Minus / Ctrl+0 change the display scale (laptop ↔ video wall), F1 lists every shortcut, including those the
 * application adds with {@link #addShortcut}.
 */
public final class MainWindow extends BorderPane {

    private static final double SCALE_STEP = 0.125;

    private final Map<String, NavigationEntry> entries = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new HashMap<>();
    private final Map<String, Node> builtViews = new HashMap<>();
    private final ToggleGroup group = new ToggleGroup();
    private final StackPane viewArea = new StackPane();
    private final VBox top = new VBox();
    /** Under the status bar, above the alarm banner: the REPLAY strip while a recording is replayed. */
    private final VBox modeStrip = new VBox();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private final ReadOnlyDoubleWrapper uiScale = new ReadOnlyDoubleWrapper(this, "uiScale", 1.0);
    /** Every shortcut, in the order the F1 overlay lists them. */
    private final List<Shortcut> shortcuts = new java.util.ArrayList<>();
    private final ShortcutHelp help = new ShortcutHelp();

    /** A key and what it does, as the F1 overlay lists it. */
    public record Shortcut(KeyCombination keys, String description, Runnable action) {
        public Shortcut {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(action, "action");
        }
    }

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
            int n = buttons.size();
            if (n <= 9) {
                KeyCombination keys = new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n), KeyCombination.SHORTCUT_DOWN);
                shortcuts.add(new Shortcut(keys, entry.title(), () -> select(entry.id())));
                button.setTooltip(new javafx.scene.control.Tooltip(keys.getDisplayText()));
            }
        }
        // Up and Down in the rail switch the view (not only the focus), as the rail is the view switcher.
        rail.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                step(e.getCode() == KeyCode.DOWN ? 1 : -1);
                e.consume();
            }
        });
        Region railSpacer = new Region();
        VBox.setVgrow(railSpacer, Priority.ALWAYS);
        Label scaleHint = new Label();
        scaleHint.getStyleClass().add("rail-hint");
        scaleHint.textProperty().bind(uiScale.multiply(100).asString(java.util.Locale.ROOT, "Display %.0f %%"));
        rail.getChildren().addAll(railSpacer, scaleHint);

        viewArea.getStyleClass().add("view-area");
        viewArea.setId("view-area");

        top.getChildren().addAll(new StatusBar(statusBar), modeStrip);
        setTop(top);
        setLeft(rail);
        setCenter(viewArea);

        shortcuts.add(new Shortcut(BIGGER, "Larger display scale", () -> stepUiScale(+1)));
        shortcuts.add(new Shortcut(SMALLER, "Smaller display scale", () -> stepUiScale(-1)));
        shortcuts.add(new Shortcut(RESET, "Display scale 100 %", () -> setUiScale(1.0)));
        shortcuts.add(new Shortcut(HELP, "Show or hide this list of shortcuts", this::toggleHelp));
        help.setOnClose(this::toggleHelp);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        Theme.applyScale(this, 1.0);
        select(navigation.getFirst().id());
    }

    /**
     * An always-visible strip under the status bar, e.g. the alarm banner; {@code null} removes it.
     */
    public void setBanner(Node banner) {
        top.getChildren().setAll(top.getChildren().getFirst(), modeStrip);
        if (banner != null) {
            top.getChildren().add(banner);
        }
    }

    /**
     * Replay mode: while {@code replaying} is true the window wears a distinct frame (pseudo-class {@code :replay})
     * and shows {@code strip} under the status bar on every view, so recorded values are never taken for live.
     */
    public void showReplay(javafx.beans.value.ObservableBooleanValue replaying, Node strip) {
        modeStrip.getChildren().setAll(strip);
        replaying.addListener((o, was, is) -> pseudoClassStateChanged(REPLAY, is));
        pseudoClassStateChanged(REPLAY, replaying.get());
    }

    private static final javafx.css.PseudoClass REPLAY = javafx.css.PseudoClass.getPseudoClass("replay");

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
        if (help.isShowing()) {
            viewArea.getChildren().add(help);
        }
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

    /**
     * One keyboard step larger (+1) or smaller (-1), on the grid of {@code SCALE_STEP}: the font size is rounded to a
     * tenth of a pixel, so adding steps to the rounded scale drifted (four steps read "151 %").
     */
    private void stepUiScale(int direction) {
        setUiScale((Math.round(uiScale.get() / SCALE_STEP) + direction) * SCALE_STEP);
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
    private static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);

    /**
     * Adds a window-wide shortcut for a frequent action (e.g. acknowledge the selected alarms); the F1 overlay lists
     * it. A key already taken is refused, so two actions never share one key.
     */
    public void addShortcut(KeyCombination keys, String description, Runnable action) {
        Shortcut s = new Shortcut(keys, description, action);
        for (Shortcut existing : shortcuts) {
            if (existing.keys().equals(keys)) {
                throw new IllegalArgumentException(keys.getDisplayText() + " is already \"" + existing.description() + "\"");
            }
        }
        shortcuts.add(s);
    }

    /** Every shortcut the window answers, in the order F1 lists them. */
    public List<Shortcut> shortcuts() {
        return List.copyOf(shortcuts);
    }

    /** Whether the F1 overlay is showing. */
    public boolean isHelpShowing() {
        return help.isShowing();
    }

    private void toggleHelp() {
        if (help.isShowing()) {
            help.hide();
            viewArea.getChildren().remove(help);
        } else {
            help.show(shortcuts);
            viewArea.getChildren().add(help);
            help.requestFocus();
        }
    }

    private void step(int delta) {
        List<String> ids = entryIds();
        int i = ids.indexOf(selected.get());
        int next = Math.floorMod(i + delta, ids.size());
        select(ids.get(next));
        buttons.get(ids.get(next)).requestFocus();
    }

    private void onKey(KeyEvent e) {
        if (help.isShowing() && e.getCode() == KeyCode.ESCAPE) {
            toggleHelp();
            e.consume();
            return;
        }
        if (BIGGER_PLUS.match(e) || BIGGER_ADD.match(e)) {
            stepUiScale(+1);
            e.consume();
            return;
        }
        if (SMALLER_SUB.match(e)) {
            stepUiScale(-1);
            e.consume();
            return;
        }
        for (Shortcut s : shortcuts) {
            if (s.keys().match(e)) {
                s.action().run();
                e.consume();
                return;
            }
        }
    }
}
