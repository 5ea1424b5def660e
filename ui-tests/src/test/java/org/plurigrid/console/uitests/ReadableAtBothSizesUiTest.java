package org.plurigrid.console.uitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.uitests.ConsoleOnDevnet.fx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.app.ConsoleApplication;
import org.plurigrid.console.views.overview.OverviewView;
import org.plurigrid.console.views.shell.MainWindow;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 9, "readable": at 1440×900 / 100 % and 1920×1080 / 150 % no key information is cut on any view (times, ids,
 * states, the status bar, the banner, tile titles, the point table's Updated column); a long text that gives way
 * carries its whole text in a tooltip. {@link ClippedText} walks each view's scene graph; each view is saved as a PNG
 * under target/screenshots/readable-WxH-scale/ for a human to look at.
 */
class ReadableAtBothSizesUiTest {

    /** The views whose text this branch owns; governance is checked by its own tests (its clips are only printed). */
    private static final List<String> NOT_CHECKED = List.of("governance");

    private static ConsoleApplication app;

    @BeforeAll
    static void startConsole() throws Exception {
        app = ConsoleOnDevnet.launch(Path.of("target", "ui-home-readable"));
    }

    @AfterAll
    static void stopConsole() throws Exception {
        ConsoleOnDevnet.stop(app);
    }

    @Test
    void noKeyTextIsCutOnAnyViewAtEitherSize() throws Exception {
        MainWindow window = app.window();
        OverviewView overview = (OverviewView) window.lookup("#overview-view");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> overview.tileValue("tile-nodes") > 0));
        // Some alarms, so the alarm list, the banner and the journal have rows to check: one gateway drops its link.
        app.started().get(60, TimeUnit.SECONDS);
        app.devnet().orElseThrow().fleet().edgeNodes().getFirst().dropConnection(Duration.ofSeconds(20));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !app.alarmEngine().active().isEmpty());

        List<String> failures = new ArrayList<>();
        failures.addAll(checkEveryView(window, 1440, 900, 1.0));
        failures.addAll(checkEveryView(window, 1920, 1080, 1.5));
        fx(() -> {
            window.setUiScale(1.0);
            return null;
        });
        assertThat(failures).as("text cut without a tooltip (view @ size: node: text shown as)").isEmpty();
    }

    private static List<String> checkEveryView(MainWindow window, int width, int height, double scale) throws Exception {
        // Monocle's headless painter cannot follow a resize of a showing window: resize it hidden.
        WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = (Stage) window.getScene().getWindow();
            stage.hide();
            stage.setWidth(width);
            stage.setHeight(height);
            window.setUiScale(scale);
            stage.show();
        }).get();
        String size = width + "x" + height + "-" + Math.round(scale * 100);
        List<String> failures = new ArrayList<>();
        for (String id : window.entryIds()) {
            fx(() -> {
                window.select(id);
                return null;
            });
            Node view = fx(window::currentView);
            List<TabPane> tabPanes = fx(() -> view.lookupAll(".tab-pane").stream()
                    .filter(TabPane.class::isInstance).map(TabPane.class::cast).toList());
            int tabs = tabPanes.isEmpty() ? 1 : fx(() -> tabPanes.getFirst().getTabs().size());
            for (int t = 0; t < tabs; t++) {
                int tab = t;
                String name = id;
                if (!tabPanes.isEmpty()) {
                    name = id + "-" + fx(() -> {
                        tabPanes.getFirst().getSelectionModel().select(tab);
                        return tabPanes.getFirst().getTabs().get(tab).getText().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
                    });
                }
                WaitForAsyncUtils.waitForFxEvents();
                WaitForAsyncUtils.sleep(id.equals("map") ? 2500 : 700, TimeUnit.MILLISECONDS);
                List<ClippedText.Clip> clips = fx(() -> ClippedText.in(window));
                Screenshots.save(window, "readable-" + size + "/" + name);
                for (ClippedText.Clip c : clips) {
                    String line = name + " @ " + size + ": " + c;
                    if (NOT_CHECKED.contains(id)) {
                        System.err.println("not checked here (owned by the governance view's tests): " + line);
                    } else {
                        failures.add(line);
                    }
                }
            }
            if (!tabPanes.isEmpty()) {
                fx(() -> {
                    tabPanes.getFirst().getSelectionModel().select(0);
                    return null;
                });
            }
        }
        fx(() -> {
            window.select("overview");
            return null;
        });
        return failures;
    }
}
