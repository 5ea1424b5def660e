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
}
