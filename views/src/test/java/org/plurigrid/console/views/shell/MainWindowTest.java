package org.plurigrid.console.views.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;
import org.plurigrid.console.views.common.TestClock;
import org.plurigrid.console.views.common.Theme;

@ExtendWith(FxThreadExtension.class)
class MainWindowTest {

    private final StatusBarViewModel status =
            new StatusBarViewModel(List::of, TestClock.at("2026-11-25T12:00:00Z"), ZoneId.of("UTC"));

    @Test
    void showsTheFirstEntryAndBuildsEachViewOnceOnFirstSelection() {
        AtomicInteger mapBuilds = new AtomicInteger();
        MainWindow window = new MainWindow(List.of(
                NavigationEntry.placeholder("overview", "Overview", "Tiles"),
                new NavigationEntry("map", "Map", () -> {
                    mapBuilds.incrementAndGet();
                    return new Label("map");
                })), status);
        assertThat(window.selectedProperty().get()).isEqualTo("overview");
        assertThat(mapBuilds).hasValue(0);

        window.select("map");
        window.select("overview");
        window.select("map");

        assertThat(mapBuilds).hasValue(1);
        assertThat(window.currentView()).isInstanceOf(Label.class);
        assertThat(window.currentView().getId()).isEqualTo("view-map");
        assertThat(window.lookup("#nav-map")).isNotNull();
    }

    @Test
    void showsABannerUnderTheStatusBarAndCanRemoveIt() {
        MainWindow window = new MainWindow(List.of(NavigationEntry.placeholder("overview", "Overview", "x")), status);
        Label banner = new Label("banner");
        banner.setId("test-banner");

        window.setBanner(banner);
        assertThat(window.lookup("#test-banner")).isSameAs(banner);
        assertThat(window.lookup("#status-bar")).isNotNull();

        window.setBanner(null);
        assertThat(window.lookup("#test-banner")).isNull();
        assertThat(window.lookup("#status-bar")).isNotNull();
    }

    @Test
    void rejectsDuplicateNavigationIds() {
        assertThatThrownBy(() -> new MainWindow(List.of(
                NavigationEntry.placeholder("map", "Map", "a"),
                NavigationEntry.placeholder("map", "Map again", "b")), status))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate navigation id: map");
    }

    @Test
    void navigationIdsAreShortLowerCaseWords() {
        assertThatThrownBy(() -> NavigationEntry.placeholder("Demand Response", "DR", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scaleChangesTheRootFontSizeWithinAReadableRange() {
        MainWindow window = new MainWindow(List.of(NavigationEntry.placeholder("overview", "Overview", "x")), status);

        window.setUiScale(1.5);
        assertThat(window.getStyle()).contains("-fx-font-size: 22.5px");

        window.setUiScale(10);
        assertThat(window.uiScaleProperty().get()).isEqualTo(3.0);
        assertThat(Theme.class.getClassLoader().getResource(Theme.STYLESHEET)).as("theme on the class path").isNotNull();
    }

    @Test
    void fourCtrlPlusStepsFromOneHundredReadOneHundredAndFiftyPercentAndBackExactly() {
        MainWindow window = new MainWindow(List.of(NavigationEntry.placeholder("overview", "Overview", "x")), status);
        for (int i = 0; i < 4; i++) {
            window.fireEvent(key(javafx.scene.input.KeyCode.ADD, true));
        }
        assertThat(window.uiScaleProperty().get()).isEqualTo(1.5);
        assertThat(window.getStyle()).contains("-fx-font-size: 22.5px");
        for (int i = 0; i < 4; i++) {
            window.fireEvent(key(javafx.scene.input.KeyCode.SUBTRACT, true));
        }
        assertThat(window.uiScaleProperty().get()).isEqualTo(1.0);
    }

    private static javafx.scene.input.KeyEvent key(javafx.scene.input.KeyCode code, boolean ctrl) {
        return new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code, false, ctrl,
                false, false);
    }

    private MainWindow threeViews() {
        return new MainWindow(List.of(NavigationEntry.placeholder("overview", "Overview", "x"),
                NavigationEntry.placeholder("map", "Map", "y"),
                NavigationEntry.placeholder("alarms", "Alarms", "z")), status);
    }

    @Test
    void ctrlAndANumberOpenTheRailsEntries() {
        MainWindow window = threeViews();
        new Scene(window, 800, 600);

        window.fireEvent(key(javafx.scene.input.KeyCode.DIGIT3, true));
        assertThat(window.selectedProperty().get()).isEqualTo("alarms");
        window.fireEvent(key(javafx.scene.input.KeyCode.DIGIT2, true));
        assertThat(window.selectedProperty().get()).isEqualTo("map");
    }

    @Test
    void downAndUpInTheRailSwitchTheView() {
        MainWindow window = threeViews();
        new Scene(window, 800, 600);
        javafx.scene.Node rail = window.lookup("#navigation-rail");

        rail.fireEvent(key(javafx.scene.input.KeyCode.DOWN, false));
        assertThat(window.selectedProperty().get()).isEqualTo("map");
        rail.fireEvent(key(javafx.scene.input.KeyCode.DOWN, false));
        rail.fireEvent(key(javafx.scene.input.KeyCode.UP, false));
        assertThat(window.selectedProperty().get()).isEqualTo("map");
    }

    @Test
    void f1ListsEveryShortcutIncludingTheApplicationsAndEscapeClosesIt() {
        MainWindow window = threeViews();
        new Scene(window, 800, 600);
        AtomicInteger acks = new AtomicInteger();
        window.addShortcut(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.A,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN),
                "Acknowledge the selected alarms", acks::incrementAndGet);

        window.fireEvent(key(javafx.scene.input.KeyCode.F1, false));
        assertThat(window.isHelpShowing()).isTrue();
        javafx.scene.Node help = window.lookup("#shortcut-help");
        assertThat(help).isNotNull();
        List<String> texts = help.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
        assertThat(texts).contains("Overview", "Alarms", "Acknowledge the selected alarms",
                "Show or hide this list of shortcuts");

        window.fireEvent(key(javafx.scene.input.KeyCode.ESCAPE, false));
        assertThat(window.isHelpShowing()).isFalse();
        assertThat(window.lookup("#shortcut-help")).isNull();

        window.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                javafx.scene.input.KeyCode.A, true, true, false, false));
        assertThat(acks).hasValue(1);
    }

    @Test
    void refusesASecondActionOnATakenKey() {
        MainWindow window = threeViews();
        assertThatThrownBy(() -> window.addShortcut(new javafx.scene.input.KeyCodeCombination(
                javafx.scene.input.KeyCode.DIGIT1, javafx.scene.input.KeyCombination.SHORTCUT_DOWN), "x", () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Overview");
    }
}
