package org.plurigrid.console.uitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.uitests.ConsoleOnDevnet.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.app.ConsoleApplication;
import org.plurigrid.console.plugins.host.PluginState;
import org.plurigrid.console.plugins.manager.PluginManagerViewModel;
import org.plurigrid.console.views.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A third party's plugin dropped into {@code <home>/plugins}: the console loads it from the jar (it is not on the
 * class path), shows its view fed with live telemetry, and the plugin manager lists it beside a broken jar that was
 * refused by name while everything else carried on.
 */
class PluginsFromFolderUiTest {

    private static ConsoleApplication app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startWithAPluginsFolder() throws Exception {
        Path home = Path.of("target", "ui-home-plugins").toAbsolutePath();
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        try (var old = Files.list(plugins)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Path sample = Path.of(System.getProperty("sample.plugin.jar", ""));
        assertThat(sample).as("the sample plugin jar (set by the build)").isRegularFile();
        Files.copy(sample, plugins.resolve("busiest-points.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(plugins.resolve("truncated.jar"), "PK\u0003\u0004 cut short");
        app = ConsoleOnDevnet.launch(home);
    }

    @AfterAll
    static void stop() throws Exception {
        ConsoleOnDevnet.stop(app);
    }

    @Test
    void loadsTheSamplePluginFromTheFolderAndListsTheBrokenJarAsRefused() throws Exception {
        assertThat(PluginsFromFolderUiTest.class.getClassLoader().getResource(
                "org/plurigrid/console/examples/busiest/BusiestPointsPlugin.class"))
                .as("the sample plugin must not be on the test class path").isNull();
        MainWindow window = app.window();
        assertThat(fx(window::entryIds)).contains("busiest-points", "plugins");

        robot.clickOn("#nav-busiest-points");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> {
            Node list = window.lookup("#busiest-points .list-view");
            return list instanceof ListView<?> l && !l.getItems().isEmpty();
        }));
        Screenshots.save(window, "plugins/01-busiest-points-from-folder");

        robot.clickOn("#nav-plugins");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<PluginManagerViewModel.Row> table = (TableView<PluginManagerViewModel.Row>) fx(() -> window.lookup(".plugin-manager .table-view"));
        List<PluginManagerViewModel.Row> rows = fx(() -> List.copyOf(table.getItems()));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.info().id()).isEqualTo("busiest-points");
            assertThat(r.info().state()).isEqualTo(PluginState.ENABLED);
            assertThat(r.info().source()).endsWith("busiest-points.jar");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.info().id()).isEqualTo("truncated.jar");
            assertThat(r.info().state()).isEqualTo(PluginState.REFUSED);
        });
        assertThat(rows).anySatisfy(r -> assertThat(r.info().id()).isEqualTo("data-quality"));
        Screenshots.save(window, "plugins/02-plugin-manager");
    }
}
